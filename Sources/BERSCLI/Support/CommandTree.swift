import ArgumentParser

/// Names and subcommands of the command types, read from their configurations.
enum CommandTree {
    /// The command's name on the command line.
    static func name<Command: ParsableCommand>(of command: Command.Type) -> String {
        Command.configuration.commandName ?? Command._commandName
    }

    /// The command's subcommands.
    static func subcommands<Command: ParsableCommand>(of command: Command.Type) -> [any ParsableCommand.Type] {
        Command.configuration.subcommands
    }

    /// The words that run `command` from `root` (`bers tenant get`), or the root's name alone.
    static func path(to command: any ParsableCommand.Type, from root: any ParsableCommand.Type) -> String {
        func find(_ current: any ParsableCommand.Type, _ path: [String]) -> [String]? {
            if current == command { return path }
            for child in subcommands(of: current) {
                if let found = find(child, path + [name(of: child)]) { return found }
            }
            return nil
        }
        return (find(root, [name(of: root)]) ?? [name(of: root)]).joined(separator: " ")
    }
}
