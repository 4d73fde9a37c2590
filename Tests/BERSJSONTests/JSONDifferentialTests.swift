import BERSTestSupport
import BERSJSON
import Foundation
import Testing

/// Property-based differential of `JSONParser` and `JSONSerializer` against Foundation's
/// `JSONSerialization` and an independent RFC 8259 recognizer (``RFC8259Recognizer``, the oracle).
///
/// Each case generates a valid document (``JSONTextGenerator``) and a mutation of it
/// (``JSONTextMutator``), and checks for both texts:
/// 1. BERS accepts exactly what the oracle accepts;
/// 2. where BERS and Foundation both accept, their values are equal
///    (``FoundationJSONComparison``);
/// 3. what BERS accepts survives serialization: compact, pretty and ASCII-only output parse back
///    identical, canonical output parses back equal and is a fixed point, and Foundation reads
///    the compact output as the same value.
///
/// Foundation is not the oracle: where it disagrees with the RFC it is recorded and printed, not
/// failed. Known deviations of swift-corelibs-foundation's `JSONSerialization` on Linux
/// (Swift 6.3), all seen by this test:
/// - it accepts a trailing comma in arrays and objects (`[1,]`, `{"a":1,}`);
/// - it accepts repeated keys (the last value wins), which BERS rejects by policy;
/// - it accepts a NUL byte next to the top-level value (`<NUL>0`, `0<NUL>`);
/// - it drops an unescaped U+FEFF at the start of a string or after an escape (tolerated, see
///   ``FoundationJSONComparison``);
/// - it rejects numbers past the range of a double (`1e400`), as BERS does (RFC 8259 §9 allows it);
/// - it rejects lone surrogate escapes, as BERS does (RFC 8259 §8.2 leaves it open);
/// - it makes `Int64.min` and integers past `UInt64.max` `NSDecimalNumber`s.
///
/// The seeds are fixed, so every run checks the same texts; set `BERS_JSON_DIFF_SEED` (decimal or
/// `0x` hex) and `BERS_JSON_DIFF_CASES` to explore others. Failure messages name the seed, the
/// case and the input bytes.
struct JSONDifferentialTests {
    /// Three seeds of 1 200 cases, each case a valid and a mutated text: 7 200 texts per run.
    static let seeds: [UInt64] = environmentSeed.map { [$0] } ?? [0xB325_D1FF_0001, 0xB325_D1FF_0002, 0xB325_D1FF_0003]
    static let casesPerSeed = ProcessInfo.processInfo.environment["BERS_JSON_DIFF_CASES"].flatMap { Int($0) } ?? 1_200

    static var environmentSeed: UInt64? {
        guard let text = ProcessInfo.processInfo.environment["BERS_JSON_DIFF_SEED"] else { return nil }
        return text.hasPrefix("0x") ? UInt64(text.dropFirst(2), radix: 16) : UInt64(text)
    }

    @Test(arguments: seeds)
    func parserMatchesTheRFCAndFoundation(seed: UInt64) {
        var generator = JSONTextGenerator(random: SplitMix64(seed: seed))
        var run = JSONDifferentialRun(seed: seed)
        for index in 0..<Self.casesPerSeed {
            let valid = generator.document()
            run.check(valid, case: index, generatedValid: true)
            run.check(JSONTextMutator.mutate(valid, using: &generator), case: index, generatedValid: false)
        }
        for failure in run.failures.prefix(25) { Issue.record(Comment(rawValue: failure)) }
        #expect(run.failures.isEmpty, "\(run.failures.count) failures with seed \(run.seedText)")
        print(run.summary)
    }
}
