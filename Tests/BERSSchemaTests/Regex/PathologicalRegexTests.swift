import BERSSchema
import Testing

/// Inputs that make backtracking engines hang: the linear engine answers, the bounded backtracker
/// throws `regex.step-limit`.
///
/// Results are asserted, never timed.
struct PathologicalRegexTests {
    static let manyA = String(repeating: "a", count: 30_000)

    @Test(arguments: ["^(a+)+$", "^(a*)*$", "^(a|aa)+$", "^(a|a?)+$", "^(\\w+\\s?)*$", "(x+x+)+y", "^(.*a){12}$"])
    func nestedQuantifiersRunInLinearTime(_ pattern: String) throws {
        let regex = try ECMARegex(pattern)
        #expect(!regex.usesBacktracking)
        #expect(try regex.matches(Self.manyA + "!") == false || pattern == "^(.*a){12}$")
    }

    @Test func classicExponentialCaseIsFalse() throws {
        let regex = try ECMARegex("^(a+)+$")
        #expect(try regex.matches(Self.manyA + "!") == false)
        #expect(try regex.matches(Self.manyA))
    }

    @Test func backreferenceBlowUpThrowsStepLimit() throws {
        let regex = try ECMARegex(#"(a*)*\1b"#)
        #expect(regex.usesBacktracking)
        // The prefilter passes (`(a*)*[^]*b` matches), but each way of splitting the a's is
        // tried before the `c` is found to block every path from the first start position.
        #expect(try regex.matches("aab"))
        let input = String(repeating: "a", count: 40) + "cb"
        let error = #expect(throws: RegexError.self) { try regex.matches(input) }
        #expect(error?.code == .stepLimitExceeded)
        #expect(error?.message.contains("1000000") == true)
    }

    @Test func prefilterAnswersWithoutBacktrackingWhenImpossible() throws {
        // No `b` at all: the linear prefilter proves there is no match.
        let regex = try ECMARegex(#"(a*)*\1b"#)
        #expect(try regex.matches(Self.manyA) == false)
    }

    @Test func lookaroundBlowUpThrowsStepLimit() throws {
        let regex = try ECMARegex("^(?=(a+)+$)b", options: .init(stepLimit: 10_000))
        // The prefilter (lookahead relaxed to nothing) fails fast on a missing `b`...
        #expect(try regex.matches(Self.manyA) == false)
        let error = #expect(throws: RegexError.self) {
            try ECMARegex("(?=(a+)+c)a", options: .init(stepLimit: 10_000)).matches(String(repeating: "a", count: 40))
        }
        #expect(error?.code == .stepLimitExceeded)
    }

    @Test func smallStepLimitStillMatchesSimpleCases() throws {
        let regex = try ECMARegex(#"^(\w)\1$"#, options: .init(stepLimit: 100))
        #expect(try regex.matches("aa"))
        #expect(try !regex.matches("ab"))
    }

    @Test func largeCountedRepetitionFallsBackToPikeVMAndStaysCorrect() throws {
        // Too many DFA states for an unanchored counted pattern: the Pike VM runs instead.
        let regex = try ECMARegex("[ab]*a[ab]{20}c")
        let input = String(repeating: "ab", count: 5_000)
        #expect(try regex.matches(input) == false)
        #expect(try regex.matches(input + "a" + String(repeating: "b", count: 20) + "c"))
        #expect(try !regex.matches(input + "a" + String(repeating: "b", count: 19) + "c"))
    }

    @Test func longInputsWithManyStates() throws {
        let regex = try ECMARegex("^[a-z]{1,63}(\\.[a-z]{1,63})*$")
        let label = String(repeating: "x", count: 63)
        #expect(try regex.matches(Array(repeating: label, count: 100).joined(separator: ".")))
        #expect(try !regex.matches(String(repeating: "x", count: 64)))
    }
}
