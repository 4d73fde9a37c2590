import BERSSchema
import BERSTestSupport
import Testing

/// Runs every `optional/format/*.json` case whose schema is only `{"format": X}` through
/// ``FormatChecker`` (non-strings always pass) and asserts the pass rate per draft.
@Suite(.enabled(if: SharedFixtures.isAvailable, SharedFixtures.skipReason))
struct FormatSuiteTests {
    @Test(arguments: SuiteCases.drafts.map(\.folder))
    func formatCasesPass(_ folder: String) throws {
        let draftName = SuiteCases.drafts.first { $0.folder == folder }?.draft ?? "draft2020_12"
        let draft = try #require(FormatChecker.Draft(rawValue: draftName))
        var total = 0
        var passed = 0
        var failures: [String] = []
        for file in SuiteCases.files(folder, "optional/format") {
            var fileTotal = 0
            var filePassed = 0
            for testCase in SuiteCases.load(folder, "optional/format/\(file)") {
                guard case .string(let format) = testCase.schema["format"] ?? .other,
                    testCase.schema.keys.allSatisfy({ $0 == "format" || $0 == "$schema" })
                else { continue }
                fileTotal += 1
                let result: Bool
                if let string = testCase.data.string, let check = FormatChecker.checker(for: format, draft: draft) {
                    result = check(string)
                } else {
                    result = true
                }
                if result == testCase.valid {
                    filePassed += 1
                } else {
                    failures.append(
                        "\(testCase.descriptionText) [\(testCase.data.string.map { $0.debugDescription } ?? "-")]"
                    )
                }
            }
            print("format \(folder)/\(file): \(filePassed)/\(fileTotal)")
            total += fileTotal
            passed += filePassed
        }
        for failure in failures { print("  FAIL \(failure)") }
        print("format \(folder): \(passed)/\(total) passed")
        #expect(total > 0)
        // Every case passes in every draft (the goal was at least 97 %).
        #expect(failures.isEmpty, "\(failures.count) failing format cases in \(folder)")
        #expect(Double(passed) >= Double(total) * 0.97)
    }
}
