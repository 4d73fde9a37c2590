/// A regular expression with ECMA-262 semantics (the dialect JSON Schema's `pattern`,
/// `patternProperties` and `format: "regex"` use), safe against catastrophic backtracking.
///
/// PLACEHOLDER API: the engine is being written; signatures are final.
public struct ECMARegex: Sendable {
    /// Compilation and matching settings.
    public struct Options: Sendable, Hashable {
        /// ECMA-262 `u` flag: match by code point, allow `\p{…}`. JSON Schema patterns use it.
        public var unicode: Bool
        /// Most backtracking steps one match may take before failing with
        /// ``RegexError/Code/stepLimitExceeded`` (only patterns the linear engine cannot run use it).
        public var stepLimit: Int

        /// Settings with these values.
        public init(unicode: Bool = true, stepLimit: Int = 1_000_000) {
            self.unicode = unicode
            self.stepLimit = stepLimit
        }
    }

    /// The source pattern.
    public let pattern: String

    /// Compiles `pattern`.
    ///
    /// - Throws: ``RegexError`` with code ``RegexError/Code/syntax`` when the pattern is not a
    ///   valid ECMA-262 regular expression.
    public init(_ pattern: String, options: Options = Options()) throws(RegexError) {
        self.pattern = pattern
    }

    /// Whether the pattern matches anywhere in `string` (unanchored search, as JSON Schema asks).
    ///
    /// - Throws: ``RegexError`` with code ``RegexError/Code/stepLimitExceeded`` when the match
    ///   would take more than the step limit.
    public func matches(_ string: String) throws(RegexError) -> Bool {
        false
    }
}

/// An error compiling or running an ``ECMARegex``.
public struct RegexError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable identifier of the kind of error.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        /// The stable text of the code.
        public let rawValue: String
        init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }
        /// The pattern is not valid ECMA-262.
        public static let syntax = Code("regex.syntax")
        /// Matching needed more backtracking steps than allowed.
        public static let stepLimitExceeded = Code("regex.step-limit")
    }

    /// What went wrong.
    public var code: Code
    /// One sentence naming the pattern and the problem.
    public var message: String
    /// The offset (in Unicode scalars) of the problem in the pattern, for syntax errors.
    public var offset: Int?

    /// An error with this code and message.
    public init(_ code: Code, _ message: String, offset: Int? = nil) {
        self.code = code
        self.message = message
        self.offset = offset
    }

    public var description: String { message }
}
