public import BERSJSON

/// An error compiling or running an ``ECMARegex``.
///
/// Errors compare equal by ``code`` only, so tests can write
/// `#expect(throws: RegexError.syntax) { try ECMARegex("(") }`.
///
/// ```swift
/// do { _ = try ECMARegex("a{2,1}") } catch { print(error.code, error.offset ?? -1, error.message) }
/// // regex.syntax 1 numbers out of order in {} quantifier at offset 1 in /a{2,1}/
/// ```
public struct RegexError: BERSError, Hashable {
    /// A stable identifier of the kind of error.
    public struct Code: BERSErrorCode {
        /// The stable text of the code.
        public let rawValue: String
        init(_ rawValue: String) { self.rawValue = rawValue }
        /// The pattern is not valid ECMA-262.
        public static let syntax = Code("regex.syntax")
        /// Matching needed more backtracking steps than allowed.
        public static let stepLimitExceeded = Code("regex.step-limit")
        /// The pattern is valid but its compiled program would exceed the size limit
        /// (for example `a{1000000}`: counted repetition is expanded when compiling).
        public static let tooLarge = Code("regex.too-large")
    }

    /// What went wrong.
    public var code: Code
    /// One sentence naming the pattern and the problem.
    public var message: String
    /// The offset (in Unicode scalars; UTF-16 code units when the `unicode` option is off) of the
    /// problem in the pattern, for syntax errors.
    public var offset: Int?

    /// An error with this code and message.
    ///
    /// - Parameters:
    ///   - code: the kind of error.
    ///   - message: one sentence describing the problem.
    ///   - offset: where in the pattern the problem is, if known.
    public init(_ code: Code, _ message: String, offset: Int? = nil) {
        self.code = code
        self.message = message
        self.offset = offset
    }

    /// An error with code ``Code/syntax`` and an empty message, for `#expect(throws:)`.
    public static let syntax = RegexError(.syntax, "")
    /// An error with code ``Code/stepLimitExceeded`` and an empty message, for `#expect(throws:)`.
    public static let stepLimitExceeded = RegexError(.stepLimitExceeded, "")
    /// An error with code ``Code/tooLarge`` and an empty message, for `#expect(throws:)`.
    public static let tooLarge = RegexError(.tooLarge, "")

    /// The message.
    public var description: String { message }

    /// Regular expressions are not files: the pattern offset is ``offset``.
    public var location: SourceLocation? { nil }

    /// Hashes the code.
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
