/// Parses JSON text (RFC 8259) into a ``JSONDocument`` that knows where every value came from.
///
/// The parser is strict: it accepts exactly the RFC 8259 grammar over well-formed UTF-8, rejects
/// duplicate object keys, and reports every problem as a ``JSONError`` with a stable code and the
/// `file:line:col` of the offending byte. It is iterative, so deep nesting is limited by
/// ``Options/maxDepth`` and can never overflow the stack.
///
/// - A leading UTF-8 byte order mark (`EF BB BF`) is skipped, as RFC 8259 §8.1 allows; it does
///   not count as a column.
/// - Lines end at LF, CRLF or a lone CR; columns count Unicode scalars from 1.
/// - Numbers without fraction or exponent that fit in `Int64` become ``JSONValue/integer(_:)``
///   (`-0` is the integer 0); all others become correctly rounded ``JSONValue/double(_:)``; a
///   number too large for a double is an error.
///
/// ```swift
/// let document = try JSONParser().parse(#"{"api": {"timeout": 15000}}"#, file: "default.json")
/// document.location(of: "/api/timeout")   // default.json:1:21
/// ```
public struct JSONParser: Sendable {
    /// Limits that keep hostile input from exhausting memory or the stack.
    public struct Options: Sendable {
        /// Deepest allowed nesting of arrays and objects (the root container is depth 1).
        ///
        /// Parsing is iterative whatever the limit, but other recursive code (comparing,
        /// serializing, releasing a value) walks the tree recursively, so keep it in the
        /// hundreds or low thousands.
        public var maxDepth: Int
        /// Largest accepted input, in bytes (checked before parsing starts).
        public var maxBytes: Int
        /// Whether to record positions (off makes parsing a little faster, and the document's
        /// position arrays are then empty).
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

    /// Parses `bytes` (UTF-8; a leading byte order mark is skipped) as one JSON document.
    ///
    /// ```swift
    /// let document = try JSONParser().parse(Array(#"[1, 2.5]"#.utf8), file: "list.json")
    /// ```
    ///
    /// - Parameters:
    ///   - bytes: the text.
    ///   - file: the name used in locations and errors.
    /// - Returns: the value, with the position of every value and key in preorder.
    /// - Throws: ``JSONError`` with the `file:line:col` of the problem.
    public func parse(_ bytes: [UInt8], file: String = "<input>") throws(JSONError) -> JSONDocument {
        try bytes.withUnsafeBufferPointer { buffer throws(JSONError) in
            try parse(buffer: buffer, file: file)
        }
    }

    /// Parses `text` as one JSON document.
    ///
    /// - Parameters:
    ///   - text: the text.
    ///   - file: the name used in locations and errors.
    /// - Returns: the value, with the position of every value and key in preorder.
    /// - Throws: ``JSONError`` with the `file:line:col` of the problem.
    public func parse(_ text: String, file: String = "<input>") throws(JSONError) -> JSONDocument {
        var text = text
        return
            try text.withUTF8 { buffer in
                Result { () throws(JSONError) in try parse(buffer: buffer, file: file) }
            }
            .get()
    }

    /// Parses the bytes in `buffer` (UTF-8) as one JSON document, without copying them.
    ///
    /// - Parameters:
    ///   - buffer: the text; it must stay valid for the duration of the call.
    ///   - file: the name used in locations and errors.
    /// - Returns: the value, with the position of every value and key in preorder.
    /// - Throws: ``JSONError`` with the `file:line:col` of the problem.
    public func parse(_ buffer: UnsafeRawBufferPointer, file: String = "<input>") throws(JSONError) -> JSONDocument {
        try parse(buffer: buffer.assumingMemoryBound(to: UInt8.self), file: file)
    }

    /// Parses any collection of UTF-8 bytes (an `ArraySlice`, a `ContiguousArray`, ...) as one JSON document.
    ///
    /// Contiguous collections are read in place; others are copied once.
    ///
    /// - Parameters:
    /// - bytes: the text.
    /// - file: the name used in locations and errors.
    /// - Returns: the value, with the position of every value and key in preorder.
    /// - Throws: ``JSONError`` with the `file:line:col` of the problem.
    public func parse(bytes: some Collection<UInt8>, file: String = "<input>") throws(JSONError) -> JSONDocument {
        let result = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(JSONError) in try parse(buffer: buffer, file: file) }
        }
        if let result { return try result.get() }
        return try parse(Array(bytes), file: file)
    }

    /// Parses `bytes` (UTF-8; a leading byte order mark is skipped) as one JSON document into a
    /// flat ``JSONTape``, with the same strictness and errors as ``parse(_:file:)-([UInt8],_)``.
    ///
    /// Positions are always recorded.
    ///
    /// - Throws: ``JSONError`` with the `file:line:col` of the problem.
    public func parseTape(_ bytes: UnsafeBufferPointer<UInt8>, file: String = "<input>") throws(JSONError) -> JSONTape {
        try checkSize(bytes.count, file: file)
        var scanner = JSONScanner(input: bytes, file: file, options: options)
        return try scanner.parseTape()
    }

    /// Parses `bytes` as one JSON document into a flat ``JSONTape``.
    ///
    /// - Throws: ``JSONError`` with the `file:line:col` of the problem.
    public func parseTape(_ bytes: [UInt8], file: String = "<input>") throws(JSONError) -> JSONTape {
        try bytes.withUnsafeBufferPointer { buffer throws(JSONError) in try parseTape(buffer, file: file) }
    }

    /// Throws when the input is larger than the limit (which is never more than 4 GiB - 1: a
    /// tape's offsets are 32-bit).
    private func checkSize(_ count: Int, file: String) throws(JSONError) {
        let limit = min(options.maxBytes, Int(UInt32.max))
        guard count <= limit else {
            throw JSONError(
                .sizeLimit,
                "input is \(count) bytes, more than the limit of \(limit) bytes",
                location: SourceLocation(file: file, line: 1, column: 1)
            )
        }
    }

    /// The parse proper, over contiguous bytes: a tape, then its value and positions.
    private func parse(buffer: UnsafeBufferPointer<UInt8>, file: String) throws(JSONError) -> JSONDocument {
        let tape = try parseTape(buffer, file: file)
        let value = tape.value(ofNode: 0)
        guard options.recordPositions else { return JSONDocument(value: value, file: file) }
        return tape.withUnsafeNodes { nodes in
            JSONDocument(
                value: value,
                file: file,
                valuePositions: nodes.map(\.position),
                keyPositions: nodes.map(\.keyPosition),
                subtreeSizes: nodes.map(\.size)
            )
        }
    }
}

extension JSONValue {
    /// Parses `text` as JSON with the default limits.
    ///
    /// ```swift
    /// let value = try JSONValue(parsing: #"{"a": [1, 2.5, true, null]}"#)
    /// ```
    ///
    /// - Parameter text: the JSON text.
    /// - Throws: ``JSONError`` when the text is not valid JSON.
    public init(parsing text: String) throws(JSONError) {
        self = try JSONParser().parse(text).value
    }
}
