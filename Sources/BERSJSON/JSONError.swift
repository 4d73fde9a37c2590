/// An error from the JSON layer: a stable code, a one-sentence message, and where it happened.
///
/// `description` is `file:line:col: message` when the location is known, so it can be printed as
/// it is. `==` compares ``code`` only, so tests can write
/// `#expect(throws: JSONError(.duplicateKey, "")) { ... }` and then check the message.
public struct JSONError: BERSError, Hashable {
    /// A stable identifier of the kind of error, such as `json.duplicate-key`.
    public struct Code: BERSErrorCode {
        /// The stable text of the code.
        public let rawValue: String
        init(_ rawValue: String) { self.rawValue = rawValue }

        /// The text is not JSON (unexpected character, missing comma, bad literal, ...).
        public static let syntax = Code("json.syntax")
        /// The input ended inside a value.
        public static let unexpectedEnd = Code("json.unexpected-end")
        /// A value follows the top-level value.
        public static let trailingContent = Code("json.trailing-content")
        /// An object has the same key twice.
        public static let duplicateKey = Code("json.duplicate-key")
        /// Arrays and objects nest deeper than the configured limit.
        public static let depthLimit = Code("json.depth-limit")
        /// The input is larger than the configured limit.
        public static let sizeLimit = Code("json.size-limit")
        /// The bytes are not valid UTF-8.
        public static let invalidUTF8 = Code("json.invalid-utf8")
        /// A string escape is malformed, or a `\u` escape is a lone surrogate.
        public static let invalidEscape = Code("json.invalid-escape")
        /// A string contains an unescaped control character.
        public static let controlCharacter = Code("json.control-character")
        /// A number is malformed or out of the range of a double.
        public static let invalidNumber = Code("json.invalid-number")
        /// A JSON pointer is malformed.
        public static let invalidPointer = Code("json.invalid-pointer")
        /// A YAML document expands, through aliases and merge keys, to more values than the
        /// configured limit (a "billion laughs" document).
        public static let nodeLimit = Code("json.node-limit")
        /// A YAML document could not be read or uses something JSON cannot hold.
        public static let yaml = Code("json.yaml")
        /// A file could not be read.
        public static let unreadable = Code("json.unreadable")
    }

    /// What kind of error this is.
    public var code: Code
    /// One sentence saying what is wrong.
    public var message: String
    /// Where it is wrong, when known.
    public var location: SourceLocation?
    /// A second place the message refers to (the first occurrence of a duplicate key).
    public var relatedLocation: SourceLocation?

    /// An error with this code, message and optional locations.
    public init(
        _ code: Code,
        _ message: String,
        location: SourceLocation? = nil,
        relatedLocation: SourceLocation? = nil
    ) {
        self.code = code
        self.message = message
        self.location = location
        self.relatedLocation = relatedLocation
    }
}

extension JSONError {
    /// Hashes the ``code`` only, consistently with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
