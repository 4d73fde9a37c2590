import BERS
import Crypto
import Foundation

/// A 256-bit AES key and its id.
///
/// The id is derived from the key (the first 16 hex digits of the SHA-256 of its bytes), so a key
/// can never be labelled with another key's id, and two keys with the same id are the same key.
/// Neither ``description`` nor any error message shows the key's bytes.
public struct SecretKey: Sendable {
    /// The size of a key in bytes.
    public static let byteCount = 32

    /// The key's id: 16 lowercase hex digits, as written in the envelopes it seals.
    public let id: String
    /// The key material (`SymmetricKey` is not `Sendable` on every platform, so the bytes are kept).
    private let bytes: [UInt8]

    /// The key for the cipher.
    var symmetricKey: SymmetricKey { SymmetricKey(data: bytes) }

    /// A key with these 32 bytes.
    ///
    /// - Throws: ``ConfigError`` `secret.invalid-key` when `symmetricKey` is not 256 bits.
    public init(symmetricKey: SymmetricKey) throws(ConfigError) {
        guard symmetricKey.bitCount == Self.byteCount * 8 else {
            throw ConfigError(.invalidSecretKey, "a secret key must be \(Self.byteCount) bytes (256 bits)")
        }
        self.init(checked: symmetricKey)
    }

    /// A new random key.
    public static func generate() -> SecretKey {
        let key = SymmetricKey(size: .bits256)
        return SecretKey(checked: key)
    }

    /// The key whose 32 bytes are `base64` (standard alphabet, with padding).
    ///
    /// - Throws: ``ConfigError`` `secret.invalid-key` when the text is not base64 of exactly 32
    ///   bytes; the message never repeats the text.
    public init(base64: String) throws(ConfigError) {
        guard let bytes = Data(base64Encoded: base64), bytes.count == Self.byteCount else {
            throw ConfigError(.invalidSecretKey, "a secret key must be the base64 text of \(Self.byteCount) bytes")
        }
        self.init(checked: SymmetricKey(data: bytes))
    }

    /// The key's 32 bytes in base64, as written in a key file.
    public var base64: String {
        Data(bytes).base64EncodedString()
    }

    /// A key already known to be 256 bits.
    private init(checked symmetricKey: SymmetricKey) {
        bytes = symmetricKey.withUnsafeBytes { Array($0) }
        id = Self.id(of: symmetricKey)
    }

    /// The first 16 hex digits of the SHA-256 of the key's bytes.
    private static func id(of key: SymmetricKey) -> String {
        let digest = key.withUnsafeBytes { SHA256.hash(data: $0) }
        let hex = digest.prefix(8)
            .map { byte in
                let text = String(byte, radix: 16)
                return text.utf8.count == 1 ? "0" + text : text
            }
        return hex.joined()
    }
}

extension SecretKey: Equatable {
    /// Whether both are the same key (compared in constant time).
    public static func == (lhs: SecretKey, rhs: SecretKey) -> Bool {
        lhs.symmetricKey == rhs.symmetricKey
    }
}

extension SecretKey: CustomStringConvertible, CustomDebugStringConvertible {
    /// `SecretKey(<id>)`: never the key's bytes.
    public var description: String { "SecretKey(\(id))" }

    /// `SecretKey(<id>)`: never the key's bytes.
    public var debugDescription: String { description }
}

extension SecretKey: CustomReflectable {
    /// Shows the id only, so that `dump` never prints the key's bytes.
    public var customMirror: Mirror { Mirror(self, children: ["id": id]) }
}
