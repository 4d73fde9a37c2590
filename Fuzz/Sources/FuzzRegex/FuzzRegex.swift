import FuzzSupport

@testable import BERSSchema

/// The ECMA-262 regular expression compiler and its three matchers.
///
/// An input is `pattern NUL subject` (without a NUL the pattern is its own subject), compiled
/// with and without the `u` flag. Properties: a pattern compiles or fails with a typed error; a
/// pattern that does not backtrack never throws while matching and finishes within a linear-time
/// bound (see ``linearBudget(units:programSize:)``); for patterns all engines can run, the DFA (or
/// Pike VM) and the backtracker give the same answer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRegex(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let parts = FuzzInput(start, count).parts(limit: 2)
    let pattern = FuzzInput.text(parts[0])
    let subject = parts.count == 2 ? FuzzInput.text(parts[1]) : pattern
    for unicode in [true, false] {
        check(pattern: pattern, subject: subject, unicode: unicode)
    }
    return 0
}

/// The most a non-backtracking match may take, in milliseconds: a fixed allowance plus a cost
/// per (input unit × program instruction), the Pike VM's worst case, with room for the sanitizer.
func linearBudget(units: Int, programSize: Int) -> Double {
    100 + 0.0005 * Double(units) * Double(max(programSize, 1))
}

/// Compiles `pattern`, matches `subject`, and checks the engines against each other.
func check(pattern: String, subject: String, unicode: Bool) {
    let options = ECMARegex.Options(unicode: unicode, stepLimit: 100_000)
    let compiled = FuzzClock.measure { Result { () throws(RegexError) in try ECMARegex(pattern, options: options) } }
    fuzzCheck(compiled.milliseconds < 2_000, "compiling took \(compiled.milliseconds) ms: /\(pattern)/")
    guard case .success(let regex) = compiled.result,
        let parsed = try? RegexParser.parse(pattern, unicode: unicode)
    else { return }
    let units = ECMARegex.units(of: subject, unicode: unicode)
    let programSize = parsed.node.programSize(limit: ECMARegex.maxProgramSize)
    let matched = FuzzClock.measure { Result { () throws(RegexError) in try regex.matches(subject) } }
    guard case .success(let answer) = matched.result else {
        fuzzCheck(regex.usesBacktracking, "a linear pattern threw while matching: /\(pattern)/")
        return
    }
    if !regex.usesBacktracking {
        let budget = linearBudget(units: units.count, programSize: programSize)
        fuzzCheck(
            matched.milliseconds <= budget,
            "matching took \(matched.milliseconds) ms (bound \(budget) ms, \(units.count) units, "
                + "program \(programSize)): /\(pattern)/"
        )
    }
    compareEngines(parsed, pattern: pattern, units: units, answer: answer, unicode: unicode)
}

/// The Pike VM and the backtracker agree with `answer` where they can run the pattern.
func compareEngines(_ parsed: RegexParser.Result, pattern: String, units: [UInt32], answer: Bool, unicode: Bool) {
    let nfa = NFAProgram(parsed.node)
    guard nfa.exact else { return }
    let alphabet = Alphabet(sets: nfa.sets)
    let pike = PikeVM.matches(nfa, alphabet: alphabet, units: units)
    fuzzCheck(pike == answer, "the Pike VM says \(pike), the engine \(answer): /\(pattern)/ unicode \(unicode)")
    let program = BacktrackProgram(parsed.node, captureCount: parsed.captureCount)
    if let backtracked = try? Backtracker.matches(program, input: units, stepLimit: 100_000) {
        fuzzCheck(
            backtracked == answer,
            "the backtracker says \(backtracked), the engine \(answer): /\(pattern)/ unicode \(unicode)"
        )
    }
}
