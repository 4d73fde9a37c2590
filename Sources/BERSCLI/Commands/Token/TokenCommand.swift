import ArgumentParser

/// `bers token`: bearer tokens for `bers serve`.
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Make bearer tokens for bers serve.",
        subcommands: [TokenNewCommand.self]
    )
}
