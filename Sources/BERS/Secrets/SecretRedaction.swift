/// How secrets are shown when they are not revealed.
public enum SecretRedaction {
    /// What a secret value prints as, everywhere: `<redacted>`.
    public static let placeholder = "<redacted>"
    /// How messages about a secret value name it: `value (redacted)`.
    public static let inMessages = "value (redacted)"
}
