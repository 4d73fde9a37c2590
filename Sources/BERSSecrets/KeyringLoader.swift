import BERS

/// Builds an ``AESGCMKeyring`` from what a command line and its environment give.
///
/// Keys come, in this order, from key files passed explicitly (`--key-file`, repeatable), from
/// `BERS_SECRET_KEY_FILE` (one path, or several separated by `:`), and from `BERS_SECRET_KEY`
/// (the base64 text of 32 bytes, or a key file's line). The first key found is the primary: it
/// seals new values. Empty variables count as unset.
public struct KeyringLoader: Sendable {
    /// The variable naming key files.
    public static let keyFileVariable = "BERS_SECRET_KEY_FILE"
    /// The variable holding a key.
    public static let keyVariable = "BERS_SECRET_KEY"

    /// A loaded keyring and the warnings about its key files.
    public struct Loaded: Sendable {
        /// The keys, the primary first.
        public var keyring: AESGCMKeyring
        /// Problems that did not stop a key from loading (a key file readable by others).
        public var warnings: [String]
    }

    /// The file system key files are read from.
    public var fileSystem: any FileSystem

    /// A loader reading key files from `fileSystem`.
    public init(fileSystem: any FileSystem = LocalFileSystem()) {
        self.fileSystem = fileSystem
    }

    /// The keyring of the keys in `keyFiles`, then `environment`'s `BERS_SECRET_KEY_FILE` and
    /// `BERS_SECRET_KEY`, or `nil` when none is given.
    ///
    /// - Throws: ``ConfigError`` `secret.invalid-key` for a malformed key file or variable (naming
    ///   the file or the variable, never the key), `config.unreadable` for a missing key file.
    public func load(keyFiles: [String], environment: [String: String]) throws(ConfigError) -> Loaded? {
        var keys: [SecretKey] = []
        var warnings: [String] = []
        for path in keyFiles + Self.paths(in: environment) {
            let file = try SecretKeyFile(contentsOfFile: path, fileSystem: fileSystem)
            keys.append(file.key)
            warnings += file.warnings
        }
        if let key = try Self.variableKey(in: environment) { keys.append(key) }
        return AESGCMKeyring(keys: keys).map { Loaded(keyring: $0, warnings: warnings) }
    }

    /// The paths in `BERS_SECRET_KEY_FILE`, empty parts skipped.
    static func paths(in environment: [String: String]) -> [String] {
        guard let value = environment[keyFileVariable] else { return [] }
        return value.split(separator: ":").map(String.init)
    }

    /// The key in `BERS_SECRET_KEY`, if set.
    private static func variableKey(in environment: [String: String]) throws(ConfigError) -> SecretKey? {
        guard var text = environment[keyVariable], !text.isEmpty else { return nil }
        if text.hasPrefix(SecretKeyFile.prefix) { text.removeFirst(SecretKeyFile.prefix.count) }
        if text.hasSuffix("\n") { text.removeLast() }
        do {
            return try SecretKey(base64: text)
        } catch {
            throw ConfigError(.invalidSecretKey, "\(keyVariable) is not a key: it must be the base64 text of 32 bytes")
        }
    }
}
