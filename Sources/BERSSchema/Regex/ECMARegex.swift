/// A regular expression with ECMA-262 semantics (the dialect JSON Schema's `pattern`,
/// `patternProperties` and `format: "regex"` use), safe against catastrophic backtracking.
///
/// Patterns without backreferences and lookaround (nearly all real ones) run in time linear in
/// the input: they compile to an NFA, then to a DFA built once when compiling (stepping over the
/// string's UTF-8 bytes with one table lookup per character), or, when that DFA would be too
/// large, to a Pike VM simulation. Patterns with backreferences or lookaround use a backtracking
/// matcher bounded by ``Options/stepLimit``, after a linear prefilter that rejects most
/// non-matching strings without backtracking.
///
/// The value is immutable and `Sendable`: compile once, share between threads.
///
/// ```swift
/// let semver = try ECMARegex(#"^\d+\.\d+\.\d+(-[a-zA-Z0-9]+)?$"#)
/// try semver.matches("1.2.3-beta")   // true
/// try semver.matches("v1.2")         // false
/// ```
public struct ECMARegex: Sendable {
    /// Compilation and matching settings.
    public struct Options: Sendable, Hashable {
        /// ECMA-262 `u` flag: match by code point, allow `\p{…}`, strict syntax.
        ///
        /// JSON Schema
        /// patterns use it. Off, the Annex B grammar applies and matching is by UTF-16 code unit.
        public var unicode: Bool
        /// Most backtracking steps one match may take before failing with
        /// ``RegexError/Code/stepLimitExceeded`` (only patterns the linear engine cannot run use it).
        public var stepLimit: Int

        /// Settings with these values.
        ///
        /// - Parameters:
        ///   - unicode: whether the `u` flag is on.
        ///   - stepLimit: the backtracking budget of one ``ECMARegex/matches(_:)`` call.
        public init(unicode: Bool = true, stepLimit: Int = 1_000_000) {
            self.unicode = unicode
            self.stepLimit = stepLimit
        }

        /// The `u` flag and a budget of a million backtracking steps.
        public static let `default` = Options()
    }

    /// The largest compiled program accepted (counted repetition is expanded).
    static let maxProgramSize = 100_000

    /// How a compiled pattern is run.
    enum Engine: Sendable {
        case dfa(DFA)
        case pike(NFAProgram, Alphabet)
        case backtrack(BacktrackProgram, prefilter: LinearMatcher?)
    }

    /// The linear part of an engine, also used as the backtracker's prefilter.
    enum LinearMatcher: Sendable {
        case dfa(DFA)
        case pike(NFAProgram, Alphabet)

        init(_ nfa: NFAProgram) {
            let alphabet = Alphabet(sets: nfa.sets)
            if let dfa = DFA(nfa: nfa, alphabet: alphabet) {
                self = .dfa(dfa)
            } else {
                self = .pike(nfa, alphabet)
            }
        }

        func matches(_ string: String, unicode: Bool) -> Bool {
            switch self {
            case .dfa(let dfa): return dfa.matches(string, unicode: unicode)
            case .pike(let nfa, let alphabet):
                return PikeVM.matches(nfa, alphabet: alphabet, units: ECMARegex.units(of: string, unicode: unicode))
            }
        }
    }

    /// The source pattern.
    public let pattern: String
    /// The settings it was compiled with.
    public let options: Options
    let engine: Engine
    /// The DFA when the engine is one (the hot path, read without unpacking ``engine``).
    private let dfa: DFA?

    /// Compiles `pattern`.
    ///
    /// ```swift
    /// let regex = try ECMARegex("^[A-Za-z-]+$")
    /// ```
    ///
    /// - Parameters:
    ///   - pattern: ECMA-262 pattern text, without delimiters or flags.
    ///   - options: the `u` flag and the backtracking budget.
    /// - Throws: ``RegexError`` with code ``RegexError/Code/syntax`` when the pattern is not a
    ///   valid ECMA-262 regular expression (the message and ``RegexError/offset`` say where), or
    ///   ``RegexError/Code/tooLarge`` when counted repetition would expand past 100 000
    ///   instructions (`a{1000000}`).
    public init(_ pattern: String, options: Options = Options()) throws(RegexError) {
        self.pattern = pattern
        self.options = options
        let parsed = try RegexParser.parse(pattern, unicode: options.unicode)
        if parsed.node.programSize(limit: ECMARegex.maxProgramSize) > ECMARegex.maxProgramSize {
            throw RegexError(
                .tooLarge,
                "pattern /\(pattern)/ is too large once counted repetition is expanded "
                    + "(more than \(ECMARegex.maxProgramSize) instructions)"
            )
        }
        let nfa = NFAProgram(parsed.node)
        if nfa.exact {
            switch LinearMatcher(nfa) {
            case .dfa(let dfa):
                engine = .dfa(dfa)
                self.dfa = dfa
            case .pike(let nfa, let alphabet):
                engine = .pike(nfa, alphabet)
                dfa = nil
            }
        } else {
            dfa = nil
            engine = .backtrack(
                BacktrackProgram(parsed.node, captureCount: parsed.captureCount),
                prefilter: LinearMatcher(nfa)
            )
        }
    }

    /// Checks that `pattern` is a valid ECMA-262 regular expression without compiling it (the
    /// `regex` format of JSON Schema).
    ///
    /// Patterns too large to compile still pass.
    ///
    /// ```swift
    /// try ECMARegex.validateSyntax("(?<year>\\d{4})-\\k<year>")   // fine
    /// try ECMARegex.validateSyntax("(?i)abc")                      // throws regex.syntax
    /// ```
    ///
    /// - Parameters:
    ///   - pattern: ECMA-262 pattern text.
    ///   - options: only ``Options/unicode`` matters.
    /// - Throws: ``RegexError`` with code ``RegexError/Code/syntax``.
    public static func validateSyntax(_ pattern: String, options: Options = Options()) throws(RegexError) {
        _ = try RegexParser.parse(pattern, unicode: options.unicode)
    }

    /// Whether matching may backtrack (the pattern has backreferences or lookaround), so
    /// ``matches(_:)`` can throw ``RegexError/Code/stepLimitExceeded``.
    ///
    /// Other patterns run in
    /// linear time and never throw.
    public var usesBacktracking: Bool {
        if case .backtrack = engine { return true }
        return false
    }

    /// Whether the pattern matches anywhere in `string` (unanchored search, as JSON Schema asks).
    ///
    /// ```swift
    /// try ECMARegex("^https://").matches("https://example.com")   // true
    /// ```
    ///
    /// - Parameter string: the text, read as Unicode scalars (or UTF-16 units without the `u` flag).
    /// - Returns: whether some substring matches.
    /// - Throws: ``RegexError`` with code ``RegexError/Code/stepLimitExceeded`` when the match
    ///   would take more than the step limit (only when ``usesBacktracking``).
    public func matches(_ string: String) throws(RegexError) -> Bool {
        if let dfa { return dfa.matches(string, unicode: options.unicode) }
        return try matchesSlowPath(string)
    }

    @inline(never)
    private func matchesSlowPath(_ string: String) throws(RegexError) -> Bool {
        switch engine {
        case .dfa(let dfa):
            return dfa.matches(string, unicode: options.unicode)
        case .pike(let nfa, let alphabet):
            return PikeVM.matches(nfa, alphabet: alphabet, units: ECMARegex.units(of: string, unicode: options.unicode))
        case .backtrack(let program, let prefilter):
            if let prefilter, !prefilter.matches(string, unicode: options.unicode) { return false }
            return try Backtracker.matches(
                program,
                input: ECMARegex.units(of: string, unicode: options.unicode),
                stepLimit: options.stepLimit
            )
        }
    }

    /// The units the engines step over: code points, or UTF-16 code units without the `u` flag.
    static func units(of string: String, unicode: Bool) -> [UInt32] {
        unicode ? string.unicodeScalars.map(\.value) : string.utf16.map { UInt32($0) }
    }
}
