/// The nodes of a layer's tape that hold secrets: values that were encrypted or came from a
/// `$secret` reference, and, among them, those still sealed (no key, or a missing variable or
/// file), whose text is not the clear value.
struct LayerSecrets: Sendable {
    /// Tape nodes holding a secret.
    var secret: Set<Int32> = []
    /// Tape nodes holding a secret whose clear value is not available.
    var sealed: Set<Int32> = []
    /// Tape nodes holding an encrypted value not opened yet (their text is the envelope): values
    /// are opened after the merge, and only those that survive it (see ``SecretOpener``).
    var envelopes: Set<Int32> = []

    /// No secrets.
    static let none = LayerSecrets()

    var isEmpty: Bool { secret.isEmpty }
}
