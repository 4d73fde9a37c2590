/// Opens encrypted values (``SecretEnvelope``) for a resolution.
///
/// BERS core has no cryptography of its own: `BERSSecrets` provides an AES-256-GCM keyring
/// (`AESGCMKeyring`), and a resolution without a keyring leaves encrypted values sealed
/// (secret, shown as `<redacted>`, and an error when a program reads them).
public protocol SecretKeyring: Sendable {
    /// The ids of the keys it holds.
    var keyIDs: [String] { get }

    /// The clear text of `envelope`, sealed for `context`.
    ///
    /// - Throws: ``ConfigError`` `secret.unknown-key` when no key has the envelope's id, and
    ///   `secret.cannot-decrypt` when the key, the context or the bytes do not match. Messages
    ///   name the key id and the context, never the ciphertext.
    func open(_ envelope: SecretEnvelope, context: SecretContext) throws(ConfigError) -> String
}
