import BERSSchema
import BERSTestSupport
import Testing

/// Runs `optional/ecmascript-regex.json` and `optional/non-bmp-regex.json` of every draft through
/// ``ECMARegex``, evaluating the few keywords those schemas use (`pattern`, `patternProperties`,
/// `additionalProperties: false`, `type`).
@Suite(.enabled(if: SharedFixtures.isAvailable, SharedFixtures.skipReason))
struct RegexSuiteTests {
    @Test(arguments: SuiteCases.drafts.map(\.folder))
    func regexCasesPass(_ folder: String) throws {
        var total = 0
        var failures: [String] = []
        for file in ["ecmascript-regex.json", "non-bmp-regex.json"] {
            let cases = SuiteCases.load(folder, "optional/\(file)")
            var passed = 0
            for testCase in cases {
                let result = try Self.evaluate(testCase.schema, testCase.data)
                if result == testCase.valid {
                    passed += 1
                } else {
                    failures.append(testCase.descriptionText)
                }
            }
            total += cases.count
            if !cases.isEmpty { print("regex \(folder)/\(file): \(passed)/\(cases.count)") }
        }
        for failure in failures { print("  FAIL \(failure)") }
        #expect(folder == "draft3" || total > 0)
        #expect(failures.isEmpty)
    }

    static func evaluate(_ schema: [String: SuiteValue], _ data: SuiteValue) throws -> Bool {
        if case .string(let type) = schema["type"] ?? .other {
            switch (type, data) {
            case ("string", .string), ("object", .object), ("integer", .integer): break
            default: return false
            }
        }
        if case .string(let pattern) = schema["pattern"] ?? .other, let string = data.string {
            return try ECMARegex(pattern).matches(string)
        }
        if case .object(let patterns) = schema["patternProperties"] ?? .other, case .object(let members) = data {
            let additionalForbidden: Bool
            if case .bool(false) = schema["additionalProperties"] ?? .other {
                additionalForbidden = true
            } else {
                additionalForbidden = false
            }
            for (key, value) in members {
                var matched = false
                for (pattern, subschema) in patterns where try ECMARegex(pattern).matches(key) {
                    matched = true
                    if case .object(let keywords) = subschema,
                        try !evaluate(Dictionary(keywords, uniquingKeysWith: { first, _ in first }), value)
                    {
                        return false
                    }
                }
                if !matched, additionalForbidden { return false }
            }
        }
        return true
    }
}
