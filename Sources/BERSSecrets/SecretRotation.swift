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
///
/// What each value is bound to, and which values belong to others and are left, is the file's
/// ``RotationScope``.
public struct SecretRotation: Sendable {
    /// The outcome of rotating one text.
    public struct Result: Sendable, Hashable {
        /// The new text.
        public var bytes: [UInt8]
        /// How many values were re-encrypted.
        public var count: Int
        /// The values left as they are (other environments' values in a shared layer).
        public var left: [RotationLeftValue] = []
    }

    /// Where a value is, worked out only when reported: counting lines or parsing the document
    /// for every value would cost for nothing.
    private struct Place {
        /// The file's path.
        var file: String
        /// The value's `file:line:col`.
        var location: () -> SourceLocation
        /// The value's path in the document, when it parses.
        var pointer: () -> JSONPointer?
    }

    /// What happens to one value.
    private enum Outcome {
        case resealed(SecretEnvelope)
        case left(RotationLeftValue)
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
        try rotate(bytes, scope: .only(context), file: file)
    }

    /// `bytes` with every envelope of `scope` re-encrypted under ``newKey`` for the context it
    /// opens for, and the values of others left (listed in the result).
    ///
    /// - Parameter file: The file's path, for messages.
    /// - Throws: ``ConfigError`` `secret.unknown-key` or `secret.cannot-decrypt` (naming the file,
    ///   the key id and the line) when a value neither opens for the scope nor belongs to others;
    ///   nothing is returned then.
    public func rotate(_ bytes: [UInt8], scope: RotationScope, file: String) throws(ConfigError) -> Result {
        var result = Result(bytes: [], count: 0)
        result.bytes.reserveCapacity(bytes.count)
        var copied = 0
        var index = 0
        while let found = EnvelopeScanner.next(in: bytes, from: index) {
            index = found.range.upperBound
            let location = { Self.location(of: found.range.lowerBound, in: bytes, file: file) }
            let place = Place(file: file, location: location) {
                EnvelopePaths.pointer(of: found.envelope.description, inDocument: bytes, path: file)
            }
            switch try reseal(found.envelope, scope: scope, at: place) {
            case .left(let left):
                result.left.append(left)
            case .resealed(let sealed):
                result.bytes += bytes[copied..<found.range.lowerBound]
                result.bytes += sealed.description.utf8
                copied = found.range.upperBound
                result.count += 1
            }
        }
        result.bytes += bytes[copied...]
        return result
    }

    private func reseal(
        _ envelope: SecretEnvelope,
        scope: RotationScope,
        at place: Place
    ) throws(ConfigError) -> Outcome {
        let location = place.location
        let keys: any SecretKeyring = envelope.keyID == newKey.id ? sealing : opening
        if scope.leavesUnknownKeys, !keys.keyIDs.contains(envelope.keyID) {
            return .left(RotationLeftValue(keyID: envelope.keyID, location: location(), reason: .keyNotLoaded))
        }
        var failure: ConfigError?
        for context in scope.contexts {
            do {
                let clear = try keys.open(envelope, context: context)
                return .resealed(try sealing.seal(clear, context: context))
            } catch {
                if failure == nil { failure = error }
                if error.code != .cannotDecrypt { break }
            }
        }
        if failure?.code == .cannotDecrypt {
            for other in scope.others where (try? keys.open(envelope, context: other)) != nil {
                return .left(
                    RotationLeftValue(keyID: envelope.keyID, location: location(), reason: .otherContext(other))
                )
            }
        }
        let reason = failure ?? ConfigError(.cannotDecrypt, "the value sealed with key \(envelope.keyID) does not open")
        let others = scope.others.isEmpty || reason.code != .cannotDecrypt ? "" : ", nor for another environment"
        let path = place.pointer().map { "\($0): " } ?? ""
        throw ConfigError(
            reason.code,
            "cannot rotate \(place.file): \(path)\(reason.message)\(others); nothing was written",
            location: location(),
            underlying: reason
        )
    }

    /// The line and column of byte `offset`.
    private static func location(of offset: Int, in bytes: [UInt8], file: String) -> SourceLocation {
        let before = bytes[..<offset]
        let line = before.count(where: { $0 == UInt8(ascii: "\n") }) + 1
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        return SourceLocation(file: file, line: line, column: offset - lineStart + 1)
    }
}
