/// Parses JSON text (RFC 8259) into a ``JSONDocument`` that knows where every value came from.
///
/// PLACEHOLDER API: the implementation is being written; signatures are final.
public struct JSONParser: Sendable {
    /// Limits that keep hostile input from exhausting memory or the stack.
    public struct Options: Sendable {
        /// Deepest allowed nesting of arrays and objects (the root container is depth 1).
        public var maxDepth: Int
        /// Largest accepted input, in bytes.
        public var maxBytes: Int
        /// Whether to record positions (off makes parsing a little faster).
        public var recordPositions: Bool

        /// Limits with these values; the defaults are 512 levels and 16 MiB.
        public init(maxDepth: Int = 512, maxBytes: Int = 16 * 1024 * 1024, recordPositions: Bool = true) {
            self.maxDepth = maxDepth
            self.maxBytes = maxBytes
            self.recordPositions = recordPositions
        }

        /// 512 levels, 16 MiB, positions recorded.
        public static let `default` = Options()
    }

    /// The limits in force.
    public var options: Options

    /// A parser with these limits.
    public init(options: Options = .default) {
        self.options = options
    }

    /// Parses `bytes` (UTF-8, an optional BOM is rejected as RFC 8259 allows) as one JSON document.
    ///
    /// - Parameters:
    ///   - bytes: the text.
    ///   - file: the name used in locations and errors.
    /// - Throws: ``JSONError`` with the `file:line:col` of the problem.
    public func parse(_ bytes: [UInt8], file: String = "<input>") throws(JSONError) -> JSONDocument {
        throw JSONError(.syntax, "parser not implemented yet")
    }

    /// Parses `text` as one JSON document.
    public func parse(_ text: String, file: String = "<input>") throws(JSONError) -> JSONDocument {
        try parse(Array(text.utf8), file: file)
    }
}

extension JSONValue {
    /// Parses `text` as JSON with the default limits.
    ///
    /// ```swift
    /// let value = try JSONValue(parsing: #"{"a": [1, 2.5, true, null]}"#)
    /// ```
    public init(parsing text: String) throws(JSONError) {
        self = try JSONParser().parse(text).value
    }
}
