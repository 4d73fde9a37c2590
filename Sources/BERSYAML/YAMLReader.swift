public import BERSJSON

/// Reads a YAML file into the same ``JSONDocument`` the JSON parser produces: the same value type
/// and the same preorder layout of value and key positions, so that layers written in YAML and
/// JSON are merged, validated and explained alike.
///
/// Semantics:
/// - Plain scalars follow the YAML 1.2 core schema (see ``YAMLScalar``): `yes`, `no`, `on` and
///   `off` are strings; `.inf` and `.nan` are errors, since JSON cannot hold them.
/// - Anchors and aliases are expanded; ``Options/maxNodes`` bounds the expanded size, so a
///   "billion laughs" document fails quickly instead of exhausting memory.
/// - Merge keys (`<<: *base`, `<<: [*a, *b]`) insert the merged members that the mapping does
///   not set itself, where the merge key stands; the first merged mapping wins.
/// - Keys must be scalars and become strings as written (`404:` is the key `"404"`); a repeated
///   key is an error naming both positions.
/// - A file must hold one document. An empty file (or one with only comments) is `null`, placed
///   at 1:1.
/// - Lines and columns are 1-based, columns in Unicode scalars, as libYAML counts them (and as
///   the JSON parser does); a byte order mark is not counted.
///
/// ```swift
/// let document = try YAMLReader().parse("api:\n  timeout: 15000\n", file: "default.yaml")
/// document.value[pointer: "/api/timeout"]      // .integer(15000)
/// document.location(of: "/api/timeout")        // default.yaml:2:12
/// ```
public struct YAMLReader: Sendable {
    /// Limits that keep hostile input from exhausting memory or the stack.
    public struct Options: Sendable {
        /// Deepest allowed nesting of sequences and mappings (the root collection is depth 1).
        ///
        /// libYAML itself stops at 1000.
        public var maxDepth: Int
        /// Largest accepted input, in bytes.
        public var maxBytes: Int
        /// Most values the document may expand to through aliases and merge keys.
        public var maxNodes: Int

        /// Limits with these values; the defaults are 512 levels, 16 MiB and a million values.
        public init(maxDepth: Int = 512, maxBytes: Int = 16 * 1024 * 1024, maxNodes: Int = 1_000_000) {
            self.maxDepth = maxDepth
            self.maxBytes = maxBytes
            self.maxNodes = maxNodes
        }

        /// 512 levels, 16 MiB, a million values.
        public static let `default` = Options()
    }

    /// The limits in force.
    public var options: Options

    /// A reader with these limits.
    public init(options: Options = .default) {
        self.options = options
    }

    /// Reads `text` as one YAML document.
    ///
    /// ```swift
    /// let document = try YAMLReader().parse("retries: 3\n", file: "default.yaml")
    /// ```
    ///
    /// - Parameters:
    ///   - text: the YAML text.
    ///   - file: the name used in locations and errors.
    /// - Returns: the value, with the position of every value and key in preorder.
    /// - Throws: ``JSONError``: ``JSONError/Code/yaml`` for YAML syntax and for what JSON cannot
    ///   hold, ``JSONError/Code/duplicateKey``, ``JSONError/Code/depthLimit``,
    ///   ``JSONError/Code/nodeLimit``, ``JSONError/Code/sizeLimit`` or
    ///   ``JSONError/Code/invalidNumber``, each with its `file:line:col`.
    public func parse(_ text: String, file: String = "<input>") throws(JSONError) -> JSONDocument {
        let size = text.utf8.count
        guard size <= options.maxBytes else {
            throw JSONError(
                .sizeLimit,
                "input is \(size) bytes, more than the limit of \(options.maxBytes) bytes",
                location: SourceLocation(file: file, line: 1, column: 1)
            )
        }
        var text = text
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        return try YAMLComposer(file: file, options: options).document(from: text)
    }

    /// Reads UTF-8 `bytes` as one YAML document.
    ///
    /// - Parameters:
    ///   - bytes: the YAML text as UTF-8; a leading byte order mark is skipped.
    ///   - file: the name used in locations and errors.
    /// - Returns: the value, with the position of every value and key in preorder.
    /// - Throws: ``JSONError``, as ``parse(_:file:)-(String,_)`` does, and
    ///   ``JSONError/Code/invalidUTF8`` when the bytes are not UTF-8.
    public func parse(_ bytes: [UInt8], file: String = "<input>") throws(JSONError) -> JSONDocument {
        guard bytes.count <= options.maxBytes else {
            throw JSONError(
                .sizeLimit,
                "input is \(bytes.count) bytes, more than the limit of \(options.maxBytes) bytes",
                location: SourceLocation(file: file, line: 1, column: 1)
            )
        }
        return try parse(try Self.decode(bytes, file: file), file: file)
    }

    /// The text of UTF-8 `bytes`, or an error at the first byte that is not UTF-8.
    static func decode(_ bytes: [UInt8], file: String) throws(JSONError) -> String {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        var line = 1
        var column = 1
        var previous: Unicode.Scalar = " "
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                switch scalar {
                case "\n" where previous == "\r":
                    break
                case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}":
                    line += 1
                    column = 1
                default:
                    if !(offset == 3 && scalar == "\u{FEFF}") { column += 1 }
                }
                previous = scalar
            case .emptyInput:
                return String(decoding: bytes, as: UTF8.self)
            case .error:
                let shown = bytes[offset..<min(bytes.count, offset + 4)]
                    .map { ($0 < 0x10 ? "0x0" : "0x") + String($0, radix: 16, uppercase: true) }.joined(separator: " ")
                throw JSONError(
                    .invalidUTF8,
                    "invalid UTF-8 at byte \(offset) (\(shown))",
                    location: SourceLocation(file: file, line: line, column: column)
                )
            }
        }
    }
}
