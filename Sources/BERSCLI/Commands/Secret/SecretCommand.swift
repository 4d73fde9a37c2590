import ArgumentParser

/// `bers secret`: keys and encrypted values.
struct SecretCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "secret",
        abstract: "Make keys, encrypt values for layer files, and rotate keys.",
        discussion: """
            Encrypted values look like enc:v1:<key id>:<base64> and open only for the environment \
            (and tenant) they were encrypted for. Commands that resolve configuration open them \
            with --key-file, BERS_SECRET_KEY_FILE or BERS_SECRET_KEY.
            """,
        subcommands: [SecretKeygenCommand.self, SecretEncryptCommand.self, SecretRotateCommand.self]
    )
}
