import BERSTestSupport
import Foundation

/// Reads cases of the official JSON-Schema-Test-Suite (in `../shared`) with Foundation's JSON
/// reader: the tests only need the schema's `format`/`pattern` keywords and whether data is a string.
struct SuiteCase: Sendable {
    var file: String
    var group: String
    var description: String
    var schema: [String: SuiteValue]
    var data: SuiteValue
    var valid: Bool
}

extension SuiteCase {
    var descriptionText: String { "\(file): \(group) / \(description)" }
}

/// The parts of a JSON value the conformance tests look at.
enum SuiteValue: Sendable {
    case string(String)
    case object([(String, SuiteValue)])
    case integer
    case bool(Bool)
    case other

    init(_ any: Any) {
        if let string = any as? String {
            self = .string(string)
        } else if let bool = any as? Bool, String(describing: type(of: any)).contains("Boolean") {
            self = .bool(bool)
        } else if let string = any as? String {
            self = .string(string)
        } else if let object = any as? [String: Any] {
            self = .object(object.map { ($0.key, SuiteValue($0.value)) })
        } else if let number = any as? NSNumber, number.doubleValue.rounded() == number.doubleValue {
            self = .integer
        } else {
            self = .other
        }
    }

    var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }
}

enum SuiteCases {
    /// The drafts of the suite, with the ``FormatChecker/Draft`` for each.
    static let drafts: [(folder: String, draft: String)] = [
        ("draft3", "draft3"), ("draft4", "draft4"), ("draft6", "draft6"), ("draft7", "draft7"),
        ("draft2019-09", "draft2019_09"), ("draft2020-12", "draft2020_12"),
    ]

    /// Every case of `tests/<draft>/<relativePath>`.
    static func load(_ draft: String, _ relativePath: String) -> [SuiteCase] {
        guard let bytes = SharedFixtures.bytes("json-schema-test-suite/tests/\(draft)/\(relativePath)"),
            let groups = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [[String: Any]]
        else { return [] }
        var cases: [SuiteCase] = []
        for group in groups {
            let schemaObject = group["schema"] as? [String: Any] ?? [:]
            let schema = schemaObject.mapValues(SuiteValue.init)
            for test in group["tests"] as? [[String: Any]] ?? [] {
                cases.append(
                    SuiteCase(
                        file: "\(draft)/\(relativePath)",
                        group: group["description"] as? String ?? "",
                        description: test["description"] as? String ?? "",
                        schema: schema,
                        data: SuiteValue(test["data"] as Any),
                        valid: test["valid"] as? Bool ?? false
                    )
                )
            }
        }
        return cases
    }

    /// The file names in `tests/<draft>/<folder>`.
    static func files(_ draft: String, _ folder: String) -> [String] {
        guard let url = SharedFixtures.url("json-schema-test-suite/tests/\(draft)/\(folder)"),
            let names = try? FileManager.default.contentsOfDirectory(atPath: url.path)
        else { return [] }
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }
}
