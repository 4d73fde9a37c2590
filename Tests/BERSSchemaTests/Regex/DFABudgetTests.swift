import Testing

@testable import BERSSchema

/// The DFA builder's work budget covers transitions too, so patterns whose states carry thousands
/// of NFA threads fall back to the Pike VM instead of spending seconds compiling (fuzz finding R1).
///
/// Results and budgets are asserted, never timed.
struct DFABudgetTests {
    /// The R1 input: a long counted repetition searched unanchored, then text after an anchor.
    static let r1Pattern = "\u{0E}{4322}$Arra$7nd772"

    static func budgetBuild(_ pattern: String, maxWork: Int) throws -> DFA? {
        let parsed = try RegexParser.parse(pattern, unicode: true)
        let nfa = NFAProgram(parsed.node)
        return DFA(nfa: nfa, alphabet: Alphabet(sets: nfa.sets), maxWork: maxWork)
    }

    @Test func longUnanchoredRepetitionExceedsTheBudget() throws {
        // Each state after k characters carries k threads: the closures alone stay under the
        // budget for the first ~2,800 states, the transitions (k threads × every class) do not.
        #expect(try Self.budgetBuild(Self.r1Pattern, maxWork: 4_000_000) == nil)
        #expect(try Self.budgetBuild("a{3000}", maxWork: 4_000_000) == nil)
    }

    @Test func transitionsCountTowardsTheBudget() throws {
        // 200 states of up to 200 threads: closures visit about 20,000 instructions, the
        // transitions over three classes carry about 60,000 threads.
        #expect(try Self.budgetBuild("a{200}b", maxWork: 1_000_000) != nil)
        #expect(try Self.budgetBuild("a{200}b", maxWork: 50_000) == nil)
    }

    @Test(arguments: [true, false])
    func r1CompilesToTheLinearEngineAndAnswers(unicode: Bool) throws {
        let regex = try ECMARegex(Self.r1Pattern, options: .init(unicode: unicode))
        #expect(!regex.usesBacktracking)
        if case .pike = regex.engine {} else { Issue.record("expected the Pike VM, got \(regex.engine)") }
        #expect(try !regex.matches("\0[2}$7nl4a}!y)"))
        // `$` then `A` can never both hold: the pattern matches nothing.
        #expect(try !regex.matches(String(repeating: "\u{0E}", count: 4322) + "Arra7nd772"))
    }

    @Test func ordinaryPatternsStillGetADFA() throws {
        for pattern in [#"^\d+\.\d+\.\d+(-[a-zA-Z0-9]+)?$"#, "^[a-z]{1,63}(\\.[a-z]{1,63})*$", "a{64}b"] {
            let regex = try ECMARegex(pattern)
            if case .dfa = regex.engine {} else { Issue.record("/\(pattern)/ lost its DFA") }
        }
    }
}
