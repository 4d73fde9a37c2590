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
        // About 2.25 million closure visits (under the budget, so it used to build, slowly) and
        // as many transition threads again.
        #expect(try Self.budgetBuild("a{1500}", maxWork: 4_000_000) == nil)
    }

    @Test func transitionsCountTowardsTheBudget() throws {
        // 200 states of up to 200 threads: closures (two per state) visit about 40,000
        // instructions, the transitions over three classes carry about 60,000 threads.
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
        let patterns = [
            #"^\d+\.\d+\.\d+(-[a-zA-Z0-9]+)?$"#, "^[a-z]{1,63}(\\.[a-z]{1,63})*$", "a{64}b", "^https://",
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
            #"^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}$"#, #"\b\w+@\w+\.com\b"#,
            #"^(\([0-9]{3}\) )?[0-9]{3}-[0-9]{4}$"#, "^[A-Za-z0-9+/]+=*$",
        ]
        for pattern in patterns {
            let regex = try ECMARegex(pattern)
            if case .dfa = regex.engine {} else { Issue.record("/\(pattern)/ lost its DFA") }
        }
    }
}
