import BERSTestSupport
import Testing

@testable import BERSSchema

/// The official JSON-Schema-Test-Suite, per draft and category, with the counts printed.
///
/// Targets: required 100 % for every draft (no exceptions), optional (formats not asserted)
/// at least 90 %, optional/format (formats asserted) at least 97 %.
@Suite(.enabled(if: SharedFixtures.isAvailable, SharedFixtures.skipReason))
struct ConformanceSuiteTests {
    /// Required tests that are known to fail, by `file :: case :: test`.
    ///
    /// Empty: every required test passes.
    static let requiredExceptions: Set<String> = []

    @Test(arguments: ConformanceSuite.drafts)
    func suitePassesTargets(_ draft: ConformanceSuite.Draft) {
        let tallies = ConformanceSuite.run(draft)
        print(ConformanceSuite.report(draft, tallies))
        for (category, tally) in tallies.sorted(by: { $0.key < $1.key }) where !tally.failures.isEmpty {
            print("  failures in \(draft.folder) \(category):")
            for failure in tally.failures { print("    \(failure)") }
        }
        let required = tallies["required"] ?? ConformanceSuite.Tally()
        #expect(required.tests > 0, "no required tests found for \(draft.folder)")
        // The numbers suite_runner.py prints for this copy of the suite.
        let expectedCounts = ["draft2020-12": 1299, "draft2019-09": 1259, "draft7": 927]
        if let count = expectedCounts[draft.folder] {
            #expect(required.tests == count, "required test count of \(draft.folder)")
        }
        let unexpected = required.failures.filter { !ConformanceSuiteTests.requiredExceptions.contains($0) }
        #expect(unexpected.isEmpty, "required failures in \(draft.folder): \(unexpected)")
        if let optional = tallies["optional"] {
            #expect(optional.percent >= 90, "optional \(draft.folder): \(optional.percent)%")
        }
        if let format = tallies["optional/format"] {
            #expect(format.percent >= 97, "optional/format \(draft.folder): \(format.percent)%")
        }
    }
}
