import BERS

/// A key file: one line, `bers-key:v1:<base64 of the 32 key bytes>`, and a newline.
///
/// `bers secret keygen` writes one with mode 0600. Loading one that others can read (a mode wider
/// than 0600) works, with a warning in ``warnings``. Errors name the file, never its content.
public struct SecretKeyFile: Sendable {
    /// What a key file starts with.
    public static let prefix = "bers-key:v1:"
    /// The largest key file read (a key file is 57 bytes).
    public static let maximumSize = 1024

    /// The path the key was read from.
    public let path: String
    /// The key.
    public let key: SecretKey
    /// Problems that do not stop the key from being used (a mode wider than 0600).
    public let warnings: [String]

    /// Reads the key file at `path`.
    ///
    /// - Throws: ``ConfigError`` `config.unreadable` when the file cannot be read, and
    ///   `secret.invalid-key` when it is not exactly one `bers-key:v1:` line (one final newline is
    ///   optional).
    public init(contentsOfFile path: String, fileSystem: any FileSystem = LocalFileSystem()) throws(ConfigError) {
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.contents(atPath: path, maxBytes: Self.maximumSize)
        } catch  where error.code == .tooLarge {
            throw Self.invalid(path)
        }
        self.path = path
        key = try Self.key(in: bytes, path: path)
        warnings = Self.permissionWarnings(path: path, fileSystem: fileSystem)
    }

    /// The text of a key file holding `key`.
    public static func text(of key: SecretKey) -> String {
        prefix + key.base64 + "\n"
    }

    /// Writes `key` to a new key file at `path` with mode 0600.
    ///
    /// The file appears atomically and complete, never readable by others. The folder must exist.
    ///
    /// - Parameter replacing: Whether an existing file is replaced (its key is then lost).
    /// - Throws: ``ConfigError`` `config.write-failed` when the folder is missing, a file exists
    ///   and `replacing` is `false`, or writing fails; nothing is written then.
    public static func write(_ key: SecretKey, toPath path: String, replacing: Bool = false) throws(ConfigError) {
        try PrivateFileWriter.write(Array(text(of: key).utf8), toPath: path, mode: 0o600, replacing: replacing)
    }

    private static func key(in bytes: [UInt8], path: String) throws(ConfigError) -> SecretKey {
        var line = bytes[...]
        if line.last == UInt8(ascii: "\n") { line = line.dropLast() }
        let prefixBytes = Array(prefix.utf8)
        guard line.starts(with: prefixBytes) else { throw invalid(path) }
        let base64 = String(decoding: line.dropFirst(prefixBytes.count), as: UTF8.self)
        do {
            return try SecretKey(base64: base64)
        } catch {
            throw invalid(path)
        }
    }

    private static func invalid(_ path: String) -> ConfigError {
        ConfigError(
            .invalidSecretKey,
            "\(path) is not a key file: it must be one line, \(prefix)<base64 of 32 bytes> (make one with bers secret keygen)"
        )
    }

    private static func permissionWarnings(path: String, fileSystem: any FileSystem) -> [String] {
        guard let mode = fileSystem.permissions(atPath: path), mode & 0o077 != 0 else { return [] }
        return ["key file \(path) has mode \(String(mode, radix: 8)), readable by others; run chmod 600 \(path)"]
    }
}
