/// Checks strings against the `format` values of JSON Schema.
///
/// Each check follows the RFC the specification names (RFC 3339 dates and durations, RFC 5321 and
/// RFC 6531 mailboxes, RFC 1123 and IDNA2008 host names, RFC 4291 IPv6, RFC 3986 and 3987 URIs
/// and IRIs, RFC 6570 templates, RFC 6901 JSON Pointers, ECMA-262 regular expressions). The
/// checks walk the UTF-8 bytes and do not allocate for the common (ASCII) inputs.
///
/// ```swift
/// if let isDate = FormatChecker.checker(for: "date") {
///     isDate("2024-02-29")   // true
///     isDate("2023-02-29")   // false
/// }
/// FormatChecker.checker(for: "x-custom")   // nil: unknown formats always pass
/// ```
public enum FormatChecker {
    /// The JSON Schema draft whose format definitions apply.
    ///
    /// Drafts differ only in a few
    /// formats: draft 3 has `host-name`, `ip-address`, `color` and a `time` without offset.
    public enum Draft: String, Sendable, Hashable, CaseIterable {
        /// Draft 3.
        case draft3
        /// Draft 4.
        case draft4
        /// Draft 6.
        case draft6
        /// Draft 7.
        case draft7
        /// Draft 2019-09.
        case draft2019_09
        /// Draft 2020-12 (the latest, and the default).
        case draft2020_12

        /// The latest draft.
        public static let latest = Draft.draft2020_12
    }

    /// The formats this checker knows (for the latest draft).
    public static let knownFormats: Set<String> = [
        "date-time", "date", "time", "duration", "email", "idn-email", "hostname", "idn-hostname",
        "ipv4", "ipv6", "uri", "uri-reference", "iri", "iri-reference", "uuid", "uri-template",
        "json-pointer", "relative-json-pointer", "regex",
    ]

    /// The check for `format` under the latest draft, or `nil` when the format is unknown
    /// (unknown formats always pass).
    ///
    /// ```swift
    /// let isURI = FormatChecker.checker(for: "uri")
    /// isURI?("https://example.com/a?b#c")   // true
    /// ```
    ///
    /// - Parameter format: the value of the `format` keyword.
    /// - Returns: a function answering whether a string is valid for the format.
    public static func checker(for format: String) -> (@Sendable (String) -> Bool)? {
        checker(for: format, draft: .latest)
    }

    /// The check for `format` as `draft` defines it, or `nil` when that draft does not know it.
    ///
    /// ```swift
    /// FormatChecker.checker(for: "time", draft: .draft3)?("08:30:06")   // true
    /// FormatChecker.checker(for: "time")?("08:30:06")                   // false: no offset
    /// ```
    ///
    /// - Parameters:
    ///   - format: the value of the `format` keyword.
    ///   - draft: the draft of the schema.
    /// - Returns: a function answering whether a string is valid for the format.
    public static func checker(for format: String, draft: Draft) -> (@Sendable (String) -> Bool)? {
        if draft == .draft3 {
            switch format {
            case "time": return DateTimeFormats.isDraft3Time
            case "host-name": return HostnameFormats.isHostname
            case "ip-address": return IPFormats.isIPv4
            case "color": return MiscFormats.isCSSColor
            case "date-time", "date", "email", "ipv6", "uri", "regex": break
            default: return nil
            }
        }
        switch format {
        case "date-time": return DateTimeFormats.isDateTime
        case "date": return DateTimeFormats.isDate
        case "time": return DateTimeFormats.isTime
        case "duration": return DateTimeFormats.isDuration
        case "email": return EmailFormats.isEmail
        case "idn-email": return EmailFormats.isIDNEmail
        case "hostname": return HostnameFormats.isHostname
        case "idn-hostname": return HostnameFormats.isIDNHostname
        case "ipv4": return IPFormats.isIPv4
        case "ipv6": return IPFormats.isIPv6
        case "uri": return URIFormats.isURI
        case "uri-reference": return URIFormats.isURIReference
        case "iri": return URIFormats.isIRI
        case "iri-reference": return URIFormats.isIRIReference
        case "uuid": return MiscFormats.isUUID
        case "uri-template": return URITemplateFormat.isURITemplate
        case "json-pointer": return PointerFormats.isJSONPointer
        case "relative-json-pointer": return PointerFormats.isRelativeJSONPointer
        case "regex": return MiscFormats.isRegex
        default: return nil
        }
    }
}

extension String {
    /// Runs `body` over the UTF-8 bytes without copying when the string is native.
    @inline(__always)
    func withUTF8Bytes(_ body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return copy.withUTF8(body)
    }
}

extension UInt8 {
    @inline(__always) var isASCIIDigit: Bool { self &- 0x30 < 10 }
    @inline(__always) var isASCIIAlpha: Bool { (self | 0x20) &- 0x61 < 26 }
    @inline(__always) var isHexDigit: Bool { isASCIIDigit || (self | 0x20) &- 0x61 < 6 }
}
