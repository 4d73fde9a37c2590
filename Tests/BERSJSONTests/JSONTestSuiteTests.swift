import BERSJSON
import BERSTestSupport
import Foundation
import Testing

/// Runs every file of JSONTestSuite's `test_parsing` (nst/JSONTestSuite) through the parser.
struct JSONTestSuiteTests {
    static let folder = "json-test-suite/test_parsing"

    static func files() -> [URL] {
        guard let url = SharedFixtures.url(folder),
            let names = try? FileManager.default.contentsOfDirectory(atPath: url.path)
        else { return [] }
        return names.filter { $0.hasSuffix(".json") }.sorted().map { url.appendingPathComponent($0) }
    }

    /// `y_` files with a repeated key: valid RFC 8259, but BERS rejects duplicate keys by design
    /// (a configuration with the same key twice is a mistake), so these must fail with
    /// ``JSONError/Code/duplicateKey`` and nothing else.
    static let duplicateKeyFiles: Set<String> = [
        "y_object_duplicated_key.json", "y_object_duplicated_key_and_value.json",
    ]

    @Test(.enabled(if: SharedFixtures.isAvailable, SharedFixtures.skipReason))
    func acceptsEveryYRejectsEveryNAndSurvivesEveryI() throws {
        let files = Self.files()
        #expect(files.count > 300, "expected the whole suite in \(Self.folder)")
        var accepted: [String: Int] = [:]
        var rejected: [String: Int] = [:]
        for file in files {
            let name = file.lastPathComponent
            let bytes = [UInt8](try Data(contentsOf: file))
            let kind = String(name.prefix(2))
            do {
                let document = try JSONParser().parse(bytes, file: name)
                accepted[kind, default: 0] += 1
                #expect(kind != "n_", "accepted \(name)")
                #expect(document.valuePositions.count == document.value.nodeCount, "\(name)")
                for style in [JSONSerializer.Style.compact, .pretty] {
                    let again = try JSONParser().parse(JSONSerializer(style: style).bytes(document.value))
                    #expect(again.value.isIdentical(to: document.value), "\(name) in \(style)")
                }
                let canonical = try JSONParser().parse(JSONSerializer(style: .canonical).bytes(document.value))
                #expect(JSONSerializerTests.equalAsDoubles(canonical.value, document.value), "\(name) canonical")
            } catch  where Self.duplicateKeyFiles.contains(name) {
                #expect(error.code == .duplicateKey, "\(name): \(error)")
                rejected["duplicate", default: 0] += 1
            } catch {
                rejected[kind, default: 0] += 1
                #expect(kind != "y_", "rejected \(name): \(error)")
                #expect(error.location != nil, "\(name): \(error) has no location")
            }
        }
        #expect(rejected["duplicate", default: 0] == Self.duplicateKeyFiles.count)
        print(
            "JSONTestSuite: y_ accepted \(accepted["y_", default: 0]), rejected \(rejected["y_", default: 0]) "
                + "(+\(rejected["duplicate", default: 0]) duplicate-key files rejected by design); "
                + "n_ rejected \(rejected["n_", default: 0]), accepted \(accepted["n_", default: 0]); "
                + "i_ accepted \(accepted["i_", default: 0]), rejected \(rejected["i_", default: 0])"
        )
    }
}
