import BERSTestSupport
import BERSSchema
import Foundation
import Testing

/// Property-based differential of ``ECMARegex`` against ICU's `NSRegularExpression` on generated
/// patterns in the syntax both read alike (``RegexPatternGenerator`` lists what is generated and
/// what is left out, and why).
///
/// For each pattern, both must compile it (ICU on Linux rejects the empty pattern, so it gets
/// `(?:)` for it), and for each subject both must agree on whether the
/// pattern matches anywhere in it (JSON Schema `pattern` semantics: an unanchored search).
/// `ECMARegex` exposes no match range, so only that answer is compared. Each pair is checked with
/// the `u` flag (what JSON Schema uses) and, when the pattern and the subject are within the
/// Basic Multilingual Plane (where UTF-16 units and code points coincide), without it.
///
/// The seeds are fixed, so every run checks the same pairs; set `BERS_REGEX_DIFF_SEED` (decimal or
/// `0x` hex) and `BERS_REGEX_DIFF_PATTERNS` to explore others. Failure messages name the seed.
struct RegexDifferentialTests {
    /// Three seeds of 700 patterns with 4 subjects each: 8 400 pairs per run (and more checks
    /// without the `u` flag).
    static let seeds: [UInt64] = environmentSeed.map { [$0] } ?? [0xEC3A_0001, 0xEC3A_0002, 0xEC3A_0003]
    static let patternsPerSeed =
        ProcessInfo.processInfo.environment["BERS_REGEX_DIFF_PATTERNS"].flatMap { Int($0) } ?? 700
    static let subjectsPerPattern = 4

    static var environmentSeed: UInt64? {
        guard let text = ProcessInfo.processInfo.environment["BERS_REGEX_DIFF_SEED"] else { return nil }
        return text.hasPrefix("0x") ? UInt64(text.dropFirst(2), radix: 16) : UInt64(text)
    }

    @Test(arguments: seeds)
    func searchAgreesWithICU(seed: UInt64) {
        var generator = RegexPatternGenerator(random: SplitMix64(seed: seed))
        var failures: [String] = []
        var pairs = 0
        var matched = 0
        for index in 0..<Self.patternsPerSeed {
            let pattern = generator.pattern()
            let label = "seed 0x\(String(seed, radix: 16)) pattern \(index) /\(pattern)/"
            guard let icu = try? NSRegularExpression(pattern: pattern.isEmpty ? "(?:)" : pattern) else {
                failures.append("ICU rejects a generated pattern: \(label)")
                continue
            }
            let engines = Self.compile(pattern, label: label, failures: &failures)
            for _ in 0..<Self.subjectsPerPattern {
                let subject = generator.subject(for: pattern)
                let expected = icu.firstMatch(in: subject, range: NSRange(subject.startIndex..., in: subject)) != nil
                pairs += 1
                if expected { matched += 1 }
                for (unicode, regex) in engines where unicode || Self.isBMP(pattern + subject) {
                    let actual = try? regex.matches(subject)
                    if actual != expected {
                        failures.append(
                            "\(label)\(unicode ? "u" : "") on \(subject.debugDescription): "
                                + "ECMARegex \(actual.map(String.init) ?? "threw"), ICU \(expected)"
                        )
                    }
                }
            }
        }
        for failure in failures.prefix(25) { Issue.record(Comment(rawValue: failure)) }
        #expect(failures.isEmpty, "\(failures.count) disagreements with seed 0x\(String(seed, radix: 16))")
        print("Regex differential, seed 0x\(String(seed, radix: 16)): \(pairs) pairs, \(matched) matches")
    }

    /// `pattern` compiled with the `u` flag, and without it when it is within the BMP.
    static func compile(_ pattern: String, label: String, failures: inout [String]) -> [(Bool, ECMARegex)] {
        var engines: [(Bool, ECMARegex)] = []
        for unicode in [true, false] where unicode || isBMP(pattern) {
            do {
                engines.append((unicode, try ECMARegex(pattern, options: .init(unicode: unicode))))
            } catch {
                failures.append("ECMARegex rejects it\(unicode ? " with u" : " without u"): \(error): \(label)")
            }
        }
        return engines
    }

    /// Whether every character of `text` is in the Basic Multilingual Plane.
    static func isBMP(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.value <= 0xFFFF }
    }
}
