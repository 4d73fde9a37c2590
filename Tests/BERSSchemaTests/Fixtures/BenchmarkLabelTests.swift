import BERSJSON
import BERSSchema
import BERSTestSupport
import Testing

/// Every label of `../shared/bench/validation/<schema>/labels.jsonl` is reproduced (formats
/// asserted), by both the fast path and the collecting path.
@Suite(.enabled(if: SharedFixtures.isAvailable, SharedFixtures.skipReason))
struct BenchmarkLabelTests {
    static func lines(_ path: String) throws -> [[UInt8]] {
        let bytes = try #require(SharedFixtures.bytes(path))
        return bytes.split(separator: UInt8(ascii: "\n")).map(Array.init).filter { !$0.isEmpty }
    }

    @Test(arguments: ["build", "environment", "monitoring", "providers"])
    func everyLabelIsReproduced(_ name: String) throws {
        let folder = "bench/validation/\(name)"
        let schema = try JSONParser().parse(try #require(SharedFixtures.bytes("\(folder)/schema.json")))
        let validator = try SchemaValidator(schema: schema.value, options: ValidatorOptions(formatAssertion: true))
        let instances = try Self.lines("\(folder)/instances.jsonl")
        let labels = try Self.lines("\(folder)/labels.jsonl")
        #expect(instances.count == 1000)
        #expect(labels.count == instances.count)
        var mismatches: [String] = []
        for (offset, (line, label)) in zip(instances, labels).enumerated() {
            let instance = try JSONParser().parse(line).value
            let expected = try JSONParser().parse(label).value
            let valid = expected["valid"]?.boolValue ?? false
            let result = validator.validate(instance)
            if validator.isValid(instance) != valid || result.isValid != valid {
                mismatches.append("line \(offset + 1) (\(expected["kind"]?.stringValue ?? "?")): expected \(valid)")
            }
            if !valid && result.failures.isEmpty {
                mismatches.append("line \(offset + 1): invalid without a failure")
            }
        }
        #expect(mismatches.isEmpty, "\(name): \(mismatches.prefix(20))")
    }
}
