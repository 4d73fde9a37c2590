import ArgumentParser
import BERS
import BERSSecrets

/// The keys that open encrypted values (`enc:v1:…`).
///
/// They come from `--key-file` (repeatable), then `BERS_SECRET_KEY_FILE` and `BERS_SECRET_KEY`.
/// The first key found seals new values.
struct SecretKeyOptions: ParsableArguments {
    @Option(
        name: .customLong("key-file"),
        help: ArgumentHelp(
            "A key file (made by 'bers secret keygen') that opens encrypted values (repeatable; the first one seals). BERS_SECRET_KEY_FILE (paths separated by ':') and BERS_SECRET_KEY (base64) add keys after these.",
            valueName: "path"
        )
    )
    var keyFiles: [String] = []

    /// The keyring of the given keys, or `nil` when none is given; warnings about key files
    /// (a mode wider than 0600) go to standard error.
    ///
    /// - Throws: ``ConfigError`` `secret.invalid-key` or `config.unreadable` for a key that
    ///   cannot be loaded.
    func keyring(environment: [String: String]) throws -> (any SecretKeyring)? {
        try aesKeyring(environment: environment)
    }

    /// The keyring of the given keys as an ``AESGCMKeyring`` (it can seal), or `nil`.
    func aesKeyring(environment: [String: String]) throws(ConfigError) -> AESGCMKeyring? {
        guard let loaded = try KeyringLoader().load(keyFiles: keyFiles, environment: environment) else { return nil }
        for warning in loaded.warnings { Output.diagnostic("warning: \(warning)") }
        return loaded.keyring
    }

    /// The error of a command that needs a key and got none.
    static func missingKey(for purpose: String) -> UsageError {
        UsageError(
            message:
                "no key to \(purpose) with: pass --key-file PATH, or set \(KeyringLoader.keyFileVariable) (a key file path) or \(KeyringLoader.keyVariable) (a base64 key); make a key with bers secret keygen --out PATH"
        )
    }
}
