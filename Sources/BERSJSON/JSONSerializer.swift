/// Writes a ``JSONValue`` as JSON text.
///
/// PLACEHOLDER API: the implementation is being written; signatures are final.
public struct JSONSerializer: Sendable {
    /// The layout of the output.
    public enum Style: Sendable, Hashable {
        /// No whitespace at all.
        case compact
        /// One member or element per line, indented by `indent` spaces, `": "` after keys.
        case pretty(indent: Int)
        /// RFC 8785 (JCS) canonical form: compact, keys sorted by UTF-16 code units, numbers in
        /// their shortest ECMAScript form, so equal values always give equal bytes.
        case canonical

        /// Pretty-printed with two spaces.
        public static let pretty = Style.pretty(indent: 2)
    }

    /// The layout used.
    public var style: Style

    /// A serializer with this layout.
    public init(style: Style = .compact) {
        self.style = style
    }

    /// The UTF-8 bytes of `value`. Pretty output ends with a newline; other styles do not.
    public func bytes(_ value: JSONValue) -> [UInt8] {
        Array(string(value).utf8)
    }

    /// The text of `value`.
    public func string(_ value: JSONValue) -> String {
        ""
    }
}

extension JSONValue {
    /// This value as compact JSON text.
    public var jsonText: String { JSONSerializer(style: .compact).string(self) }

    /// This value as JSON text in the given style.
    public func jsonText(_ style: JSONSerializer.Style) -> String { JSONSerializer(style: style).string(self) }
}
