import BERS
import BERSJSON

/// Re-encrypts the encrypted values of a file under a new key, changing nothing else.
///
/// The file's text (a JSON or YAML layer, or a tenant document) is scanned for envelopes:
/// `enc:v1:`, a key id, `:` and base64 characters, on one line and not preceded by a letter or
/// digit. Each is opened with the old keys and sealed again with the new key, in place; every
/// other byte stays as it was (comments, order, spacing). Envelopes are plain ASCII, so no JSON or
/// YAML escaping is involved; an envelope written with escapes (`\/` in JSON) is not recognised
/// as a whole and fails to open, which stops the rotation.
public struct SecretRotation: Sendable {
    /// The outcome of rotating one text.
    public struct Result: Sendable, Hashable {
        /// The new text.
        public var bytes: [UInt8]
        /// How many values were re-encrypted.
        public var count: Int
    }

    /// The keys that open the current values.
    public let opening: any SecretKeyring
    /// The key that seals the new values.
    public let newKey: SecretKey
    private let sealing: AESGCMKeyring

    /// A rotation opening with `opening` (values already sealed with `newKey` open too) and
    /// sealing with `newKey`.
    public init(opening: any SecretKeyring, newKey: SecretKey) {
        self.opening = opening
        self.newKey = newKey
        sealing = AESGCMKeyring(primary: newKey)
    }

    /// `bytes` with every envelope re-encrypted under ``newKey`` for `context`.
    ///
    /// - Parameter file: The file's path, for messages.
    /// - Throws: ``ConfigError`` `secret.unknown-key` or `secret.cannot-decrypt` (naming the file,
    ///   the key id and the line) when a value does not open; nothing is returned then.
    public func rotate(_ bytes: [UInt8], context: SecretContext, file: String) throws(ConfigError) -> Result {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var copied = 0
        var count = 0
        var index = 0
        while let found = EnvelopeScanner.next(in: bytes, from: index) {
            let sealed = try reseal(found.envelope, context: context, file: file, at: found.range.lowerBound, in: bytes)
            output += bytes[copied..<found.range.lowerBound]
            output += sealed.description.utf8
            copied = found.range.upperBound
            index = found.range.upperBound
            count += 1
        }
        output += bytes[copied...]
        return Result(bytes: output, count: count)
    }

    private func reseal(
        _ envelope: SecretEnvelope,
        context: SecretContext,
        file: String,
        at offset: Int,
        in bytes: [UInt8]
    ) throws(ConfigError) -> SecretEnvelope {
        let clear: String
        do {
            let keys: any SecretKeyring = envelope.keyID == newKey.id ? sealing : opening
            clear = try keys.open(envelope, context: context)
        } catch {
            throw ConfigError(
                error.code,
                "cannot rotate \(file): \(error.message); nothing was written",
                location: Self.location(of: offset, in: bytes, file: file),
                underlying: error
            )
        }
        return try sealing.seal(clear, context: context)
    }

    /// The line and column of byte `offset`.
    private static func location(of offset: Int, in bytes: [UInt8], file: String) -> SourceLocation {
        let before = bytes[..<offset]
        let line = before.count(where: { $0 == UInt8(ascii: "\n") }) + 1
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        return SourceLocation(file: file, line: line, column: offset - lineStart + 1)
    }
}
