import BERS
import Crypto
import Foundation

/// A ``SecretKeyring`` of AES-256-GCM keys: opens envelopes sealed with any of its keys, and
/// seals new values with its primary key.
///
/// Holding several keys is how a rotation works: load the new key first (it seals) and the old
/// ones after it (they still open what they sealed). The authenticated data is
/// `SecretContext.authenticatedData(keyID:)`, so a value opens only for the environment (and
/// tenant) it was sealed for.
public struct AESGCMKeyring: SecretKeyring {
    /// The size of the random nonce at the start of a payload.
    public static let nonceByteCount = 12
    /// The size of the authentication tag at the end of a payload.
    public static let tagByteCount = 16

    /// The keys, the primary first, each id once.
    public let keys: [SecretKey]

    /// A keyring sealing with `primary` and opening with it and `others`; a key given twice (the
    /// same id, hence the same bytes) is kept once.
    public init(primary: SecretKey, others: [SecretKey] = []) {
        var keys: [SecretKey] = []
        for key in [primary] + others where !keys.contains(where: { $0.id == key.id }) {
            keys.append(key)
        }
        self.keys = keys
    }

    /// A keyring of `keys`, the first being the primary, or `nil` when there are none.
    public init?(keys: [SecretKey]) {
        guard let primary = keys.first else { return nil }
        self.init(primary: primary, others: Array(keys.dropFirst()))
    }

    /// The key that seals: the first one.
    public var primary: SecretKey { keys[0] }

    /// The ids of the keys, the primary first.
    public var keyIDs: [String] { keys.map(\.id) }

    /// The key with this id, if loaded.
    public func key(withID id: String) -> SecretKey? {
        keys.first { $0.id == id }
    }

    /// Seals `clear` for `context` with the primary key and a random 12-byte nonce.
    ///
    /// - Throws: ``ConfigError`` `secret.invalid-key` if the cipher refuses (it does not with a
    ///   256-bit key); the message never shows the value.
    public func seal(_ clear: String, context: SecretContext) throws(ConfigError) -> SecretEnvelope {
        let key = primary
        let failure = ConfigError(.invalidSecretKey, "cannot seal a value with key \(key.id)")
        let box: AES.GCM.SealedBox
        do {
            box = try AES.GCM.seal(
                Array(clear.utf8),
                using: key.symmetricKey,
                nonce: AES.GCM.Nonce(),
                authenticating: context.authenticatedData(keyID: key.id)
            )
        } catch {
            throw failure
        }
        guard let combined = box.combined else { throw failure }
        return SecretEnvelope(keyID: key.id, payload: combined.base64EncodedString())
    }

    /// The clear text of `envelope`, sealed for `context`.
    ///
    /// - Throws: ``ConfigError`` `secret.unknown-key` when no loaded key has the envelope's id;
    ///   `secret.cannot-decrypt` when the key, the environment or tenant, or the bytes do not
    ///   match, or the clear bytes are not UTF-8. Messages never show the ciphertext.
    public func open(_ envelope: SecretEnvelope, context: SecretContext) throws(ConfigError) -> String {
        guard let key = key(withID: envelope.keyID) else {
            throw ConfigError(
                .unknownSecretKey,
                "no loaded key has id \(envelope.keyID); loaded: \(keyIDs.joined(separator: ", "))"
            )
        }
        guard let clear = Self.open(envelope.payload, key: key, context: context) else {
            throw ConfigError(
                .cannotDecrypt,
                "the value sealed with key \(key.id) does not open for \(context.description): wrong key, wrong environment or tenant, or altered bytes"
            )
        }
        return clear
    }

    /// The clear text of a payload, or `nil` when it does not open or is not UTF-8.
    private static func open(_ payload: String, key: SecretKey, context: SecretContext) -> String? {
        guard let combined = Data(base64Encoded: payload),
            combined.count >= nonceByteCount + tagByteCount,
            let box = try? AES.GCM.SealedBox(combined: combined),
            let clear = try? AES.GCM.open(
                box,
                using: key.symmetricKey,
                authenticating: context.authenticatedData(keyID: key.id)
            )
        else { return nil }
        return String(validating: clear, as: UTF8.self)
    }
}
