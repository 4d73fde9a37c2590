/// Checks strings against the `format` values of JSON Schema.
///
/// PLACEHOLDER API: the checks are being written; signatures are final.
public enum FormatChecker {
    /// The formats this checker knows.
    public static let knownFormats: Set<String> = [
        "date-time", "date", "time", "duration", "email", "idn-email", "hostname", "idn-hostname",
        "ipv4", "ipv6", "uri", "uri-reference", "iri", "iri-reference", "uuid", "uri-template",
        "json-pointer", "relative-json-pointer", "regex",
    ]

    /// The check for `format`, or `nil` when the format is unknown (unknown formats always pass).
    ///
    /// The returned function answers whether `string` is valid for the format.
    public static func checker(for format: String) -> (@Sendable (String) -> Bool)? {
        nil
    }
}
