/// Writes a ``JSONValue`` as JSON text.
///
/// Three layouts: ``Style/compact`` (no whitespace), ``Style/pretty(indent:)`` (like
/// `JSON.stringify(value, null, 2)`, with a final newline) and ``Style/canonical`` (RFC 8785,
/// JSON Canonicalization Scheme). Object members keep their order except in canonical form.
///
/// Numbers: integers are written exactly. Doubles are written with the fewest digits that read
/// back as the same double, in the ECMAScript `Number.prototype.toString` form (`0.1`, `1e+21`,
/// `1e-7`); outside canonical form a double that would look like an integer keeps a `.0`
/// (`1.0`, `-0.0`), so reading the text back gives a double again. JSON cannot hold NaN or
/// infinities: they are written as `null`, as `JSON.stringify` does.
///
/// Strings escape `"`, `\` and control characters (`\b \f \n \r \t`, others as `\u00xx`), and
/// nothing else unless ``asciiOnly`` is set.
///
/// ```swift
/// let value: JSONValue = ["name": "widget", "size": [1, 2.5]]
/// JSONSerializer(style: .compact).string(value)     // {"name":"widget","size":[1,2.5]}
/// JSONSerializer(style: .canonical).string(value)   // {"name":"widget","size":[1,2.5]}
/// JSONSerializer(style: .pretty).string(value)
/// // {
/// //   "name": "widget",
/// //   "size": [
/// //     1,
/// //     2.5
/// //   ]
/// // }
/// ```
///
/// For every value `v` and every style but canonical, parsing the output gives a value identical
/// to `v` (``JSONValue/isIdentical(to:)``); canonical output parses to a value equal to `v`,
/// numbers compared as RFC 8785 reads them (as doubles: a double of 2^53 or more is written in its
/// ECMAScript digits, `1046744073709551600`, which read back as the integer they spell; an
/// integer is always written exactly).
public struct JSONSerializer: Sendable {
    /// The layout of the output.
    public enum Style: Sendable, Hashable {
        /// No whitespace at all.
        case compact
        /// One member or element per line, indented by `indent` spaces, `": "` after keys, empty
        /// arrays and objects as `[]` and `{}`, and a final newline. An indent of 0 or less gives
        /// the compact layout followed by a newline.
        case pretty(indent: Int)
        /// RFC 8785 (JCS) canonical form: compact, keys sorted by UTF-16 code units, numbers in
        /// their shortest ECMAScript form, so equal values always give equal bytes.
        case canonical

        /// Pretty-printed with two spaces.
        public static let pretty = Style.pretty(indent: 2)
    }

    /// The layout used.
    public var style: Style

    /// Whether to escape every non-ASCII character as `\uXXXX` (a surrogate pair above U+FFFF), for channels that only
    /// carry ASCII.
    ///
    /// Off by default. Canonical output ignores it, since RFC 8785 writes such characters as they are.
    public var asciiOnly: Bool

    /// A serializer with this layout.
    ///
    /// - Parameters:
    ///   - style: the layout; compact by default.
    ///   - asciiOnly: whether to escape all non-ASCII characters.
    public init(style: Style = .compact, asciiOnly: Bool = false) {
        self.style = style
        self.asciiOnly = asciiOnly
    }

    /// The UTF-8 bytes of `value`.
    ///
    /// Pretty output ends with a newline; other styles do not.
    ///
    /// ```swift
    /// let bytes = JSONSerializer(style: .canonical).bytes(["b": 1, "a": 2])   // {"a":2,"b":1}
    /// ```
    ///
    /// - Parameter value: the value to write.
    /// - Returns: the JSON text as UTF-8.
    public func bytes(_ value: JSONValue) -> [UInt8] {
        var writer = JSONWriter(style: style, asciiOnly: asciiOnly)
        writer.write(value)
        return writer.output
    }

    /// The text of `value`.
    ///
    /// Pretty output ends with a newline; other styles do not.
    ///
    /// - Parameter value: the value to write.
    /// - Returns: the JSON text.
    public func string(_ value: JSONValue) -> String {
        String(decoding: bytes(value), as: UTF8.self)
    }
}

extension JSONValue {
    /// This value as compact JSON text.
    public var jsonText: String { JSONSerializer(style: .compact).string(self) }

    /// This value as JSON text in the given style.
    ///
    /// - Parameter style: the layout.
    /// - Returns: the JSON text.
    public func jsonText(_ style: JSONSerializer.Style) -> String { JSONSerializer(style: style).string(self) }
}
