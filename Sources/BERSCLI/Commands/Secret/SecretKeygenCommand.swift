import ArgumentParser
import BERS
import BERSSecrets

/// `bers secret keygen`: a new random key in a new key file with mode 0600.
struct SecretKeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Write a new random 256-bit key to a new key file (mode 0600).",
        discussion: """
            The file holds one line, bers-key:v1:<base64>. Its folder must exist; an existing \
            file is not replaced without --force. Only the key's id is printed (on standard \
            error), never the key.
            """
    )

    @Option(help: ArgumentHelp("The key file to create.", valueName: "path"))
    var out: String

    @Flag(help: "Replace an existing file (its key is lost, and values it sealed no longer open).")
    var force = false

    func run() throws {
        guard force || LocalFileSystem().itemKind(atPath: out) == .missing else {
            throw ConfigError(.writeFailed, "\(out) already exists; pass --force to replace it (its key is then lost)")
        }
        let key = SecretKey.generate()
        try SecretKeyFile.write(key, toPath: out, replacing: force)
        Output.diagnostic("wrote key \(key.id) to \(out)")
    }
}
