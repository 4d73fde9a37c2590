import ArgumentParser
import BERS
import BERSJSON

/// `--reveal PATH`: the secrets a command may print in clear, one path at a time.
struct RevealOptions: ParsableArguments {
    @Option(
        name: .customLong("reveal"),
        help: ArgumentHelp(
            "Print the secret at this path in clear (repeatable); every other secret prints as <redacted>.",
            valueName: "path"
        )
    )
    var paths: [String] = []

    /// The pointers to reveal in `configuration`.
    ///
    /// - Throws: ``ConfigError`` `config.missing-value` for a path with no value, and
    ///   `secret.sealed` for a secret whose clear value is not available (no key loaded).
    func pointers(in configuration: ResolvedConfiguration) throws(ConfigError) -> Set<JSONPointer> {
        var pointers: Set<JSONPointer> = []
        for path in paths {
            _ = try configuration.requireValue(at: path)
            let pointer = path.utf8.first == UInt8(ascii: "/") ? try Self.pointer(path) : JSONPointer(dottedPath: path)
            if let sealed = configuration.sealedPointers.first(where: { $0.hasPrefix(pointer) }) {
                throw ConfigError(
                    .sealedSecret,
                    "cannot reveal \(sealed.dottedPath): its clear value is not available here; load its key with --key-file (or BERS_SECRET_KEY_FILE) or set what its $secret reference names"
                )
            }
            pointers.insert(pointer)
        }
        return pointers
    }

    private static func pointer(_ text: String) throws(ConfigError) -> JSONPointer {
        do {
            return try JSONPointer(parsing: text)
        } catch {
            throw ConfigError(.invalidPath, "--reveal \(text): \(error.message)")
        }
    }
}
