import BERSJSON
import BERSTestSupport
import Foundation

@testable import BERSSchema

/// Runs the official JSON-Schema-Test-Suite (`../shared/json-schema-test-suite`) as `suite_runner.py` does.
///
/// The counts match the table of `../shared/tools/suite_runner.py`:
/// - categories: `required` (`tests/<draft>/*.json`), `optional` (`optional/*.json`, formats not
///   asserted), `optional/format` (`optional/format/*.json`, formats asserted);
/// - every file under `remotes/` is registered under `http://localhost:1234/<path>`;
/// - the draft's metaschema URI is the default dialect; a `$schema` in the schema wins;
/// - a schema that does not compile counts every test of its case as an error.
enum ConformanceSuite {
    static let remotesBase = "http://localhost:1234/"

    /// One draft's folder and dialect.
    struct Draft: Sendable, CustomStringConvertible {
        var folder: String
        var dialect: Dialect
        var description: String { folder }
    }

    static let drafts: [Draft] = [
        Draft(folder: "draft2020-12", dialect: .draft2020_12),
        Draft(folder: "draft2019-09", dialect: .draft2019_09),
        Draft(folder: "draft7", dialect: .draft7),
        Draft(folder: "draft6", dialect: .draft6),
        Draft(folder: "draft4", dialect: .draft4),
    ]

    /// Counts of one category.
    struct Tally: Sendable {
        var files = Set<String>()
        var cases = 0
        var tests = 0
        var passed = 0
        var failed = 0
        var errors = 0
        var failures: [String] = []

        var percent: Double { tests == 0 ? 100 : 100 * Double(passed) / Double(tests) }
    }

    /// The suite's root folder, if the shared data is present.
    static var root: URL? { SharedFixtures.url("json-schema-test-suite") }

    /// Every remote document, keyed by its URI under `http://localhost:1234/`.
    static let registry: SchemaRegistry = {
        var registry = SchemaRegistry()
        guard let remotes = root?.appendingPathComponent("remotes") else { return registry }
        for relative in jsonFiles(under: remotes) {
            let url = remotes.appendingPathComponent(relative)
            guard let data = try? Data(contentsOf: url),
                let document = try? JSONParser().parse([UInt8](data), file: relative)
            else { continue }
            registry.register(document.value, at: remotesBase + relative)
        }
        return registry
    }()

    /// Relative paths of the `.json` files below `folder`, sorted like Python's `sorted(rglob)`.
    static func jsonFiles(under folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var files: [String] = []
        while let next = enumerator.nextObject() as? String {
            if next.hasSuffix(".json") { files.append(next) }
        }
        return files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The category of a file path relative to the draft folder, as `suite_runner.py` names it.
    static func category(of relative: String) -> String {
        let parts = relative.split(separator: "/")
        if parts.count == 1 { return "required" }
        if parts[0] == "optional" && parts.count >= 3 && parts[1] == "format" { return "optional/format" }
        if parts[0] == "optional" { return "optional" }
        return String(parts[0])
    }

    /// Runs every case of `draft` and returns the tallies by category.
    static func run(_ draft: Draft) -> [String: Tally] {
        var tallies: [String: Tally] = [:]
        guard let folder = root?.appendingPathComponent("tests/\(draft.folder)") else { return tallies }
        for relative in jsonFiles(under: folder) {
            let category = category(of: relative)
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(relative)),
                let document = try? JSONParser().parse([UInt8](data), file: relative),
                case .array(let cases) = document.value
            else { continue }
            var tally = tallies[category] ?? Tally()
            tally.files.insert(relative)
            for testCase in cases {
                run(
                    testCase,
                    file: relative,
                    draft: draft,
                    formatAssertion: category == "optional/format",
                    into: &tally
                )
            }
            tallies[category] = tally
        }
        return tallies
    }

    private static func run(
        _ testCase: JSONValue,
        file: String,
        draft: Draft,
        formatAssertion: Bool,
        into tally: inout Tally
    ) {
        tally.cases += 1
        let tests = testCase["tests"]?.arrayValue ?? []
        tally.tests += tests.count
        let caseName = testCase["description"]?.stringValue ?? "?"
        let options = ValidatorOptions(
            defaultDialect: draft.dialect,
            formatAssertion: formatAssertion,
            registry: registry
        )
        let validator: SchemaValidator
        do {
            validator = try SchemaValidator(schema: testCase["schema"] ?? true, options: options)
        } catch {
            tally.errors += tests.count
            tally.failures.append("\(file) :: \(caseName) :: (all \(tests.count) tests) compile error: \(error)")
            return
        }
        for test in tests {
            let expected = test["valid"]?.boolValue ?? false
            let instance = test["data"] ?? .null
            let fast = validator.isValid(instance)
            let full = validator.validate(instance)
            if fast == expected && full.isValid == expected {
                tally.passed += 1
            } else {
                tally.failed += 1
                let testName = test["description"]?.stringValue ?? "?"
                let detail = fast == full.isValid ? "" : " (isValid and validate disagree)"
                tally.failures.append(
                    "\(file) :: \(caseName) :: \(testName) (expected \(expected), got \(fast))\(detail)"
                )
            }
        }
    }

    /// A table like `suite_runner.py`'s.
    static func report(_ draft: Draft, _ tallies: [String: Tally]) -> String {
        var lines = ["== \(draft.folder)", "  category          files  cases  tests   pass  fail error  pass%"]
        for category in ["required", "optional", "optional/format"] {
            guard let tally = tallies[category] else { continue }
            func pad(_ value: Int, _ width: Int) -> String {
                let text = String(value)
                return String(repeating: " ", count: max(0, width - text.count)) + text
            }
            let percent = String(format: "%6.2f", tally.percent)
            lines.append(
                "  \(category.padding(toLength: 16, withPad: " ", startingAt: 0)) \(pad(tally.files.count, 5)) "
                    + "\(pad(tally.cases, 6)) \(pad(tally.tests, 6)) \(pad(tally.passed, 6)) \(pad(tally.failed, 5)) "
                    + "\(pad(tally.errors, 5))  \(percent)"
            )
        }
        return lines.joined(separator: "\n")
    }
}
