/// An encrypted value as it appears in a layer file: `enc:v1:<key id>:<base64(nonce ‖ ciphertext ‖ tag)>`.
///
/// The envelope names the key that sealed it, so a keyring holding several keys (during a
/// rotation) picks the right one. Parsing checks the shape only; opening it needs a
/// ``SecretKeyring``.
public struct SecretEnvelope: Sendable, Hashable {
    /// The prefix of every encrypted value of this version.
    public static let prefix = "enc:v1:"
    /// The envelope version, bound into the authenticated data.
    public static let version = "enc:v1"

    /// The id of the key that sealed it (8 to 64 characters of `[0-9a-z-]`).
    public let keyID: String
    /// The sealed bytes in base64: the 12-byte nonce, the ciphertext and the 16-byte tag.
    public let payload: String

    /// An envelope with these parts.
    public init(keyID: String, payload: String) {
        self.keyID = keyID
        self.payload = payload
    }

    /// Parses `enc:v1:<key id>:<base64>`, or returns `nil` when `text` is not an encrypted value
    /// at all (no `enc:v1:` prefix).
    ///
    /// - Throws: ``ConfigError`` `secret.invalid-envelope` when it has the prefix but not the
    ///   shape; the message never repeats the text.
    public static func parse(_ text: String) throws(ConfigError) -> SecretEnvelope? {
        guard text.hasPrefix(prefix) else { return nil }
        let rest = text.utf8.dropFirst(prefix.utf8.count)
        guard let colon = rest.firstIndex(of: UInt8(ascii: ":")) else {
            throw ConfigError(.invalidSecretEnvelope, "an encrypted value must be enc:v1:<key id>:<base64>")
        }
        let keyID = String(decoding: rest[..<colon], as: UTF8.self)
        let payload = String(decoding: rest[rest.index(after: colon)...], as: UTF8.self)
        guard isKeyID(keyID) else {
            throw ConfigError(.invalidSecretEnvelope, "an encrypted value has a malformed key id")
        }
        guard payload.utf8.count >= 40, payload.utf8.allSatisfy(isBase64Byte) else {
            throw ConfigError(.invalidSecretEnvelope, "an encrypted value (key \(keyID)) has a malformed payload")
        }
        return SecretEnvelope(keyID: keyID, payload: payload)
    }

    /// Whether `text` is a usable key id: 8 to 64 characters of lowercase letters, digits and `-`.
    public static func isKeyID(_ text: String) -> Bool {
        (8...64).contains(text.utf8.count)
            && text.utf8.allSatisfy {
                (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == UInt8(ascii: "-")
            }
    }

    private static func isBase64Byte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="): true
        default: false
        }
    }
}

extension SecretEnvelope: CustomStringConvertible {
    /// The envelope as written in a layer file.
    public var description: String { SecretEnvelope.prefix + keyID + ":" + payload }
}
