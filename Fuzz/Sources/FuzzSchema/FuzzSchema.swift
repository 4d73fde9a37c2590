import BERSJSON
import BERSSchema
import FuzzSupport

/// The schema compiler and validator, schema and instance both from the input.
///
/// An input is `schema NUL instance`; without a NUL it is read as a file of the official JSON
/// Schema test suite (`[{"schema": …, "tests": [{"data": …}]}]`, the seeds) or, failing that, as
/// a schema validated against itself. Properties: compiling gives a schema or a typed error;
/// `isValid` and `validate` agree; a failed validation names at least one failure.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSchema(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let input = FuzzInput(start, count)
    let parser = JSONParser(options: .init(maxDepth: 64, recordPositions: false))
    let parts = input.parts(limit: 2)
    if parts.count == 2 {
        guard let schema = try? parser.parse(bytes: parts[0]).value,
            let instance = try? parser.parse(bytes: parts[1]).value
        else { return 0 }
        check(schema: schema, instances: [instance])
    } else if let value = try? parser.parse(input.bytes).value {
        if case .array(let cases) = value, cases.contains(where: { $0.objectValue?["schema"] != nil }) {
            for testCase in cases {
                guard case .object(let object) = testCase, let schema = object["schema"] else { continue }
                let data = object["tests"]?.arrayValue?.compactMap { $0.objectValue?["data"] } ?? []
                check(schema: schema, instances: data)
            }
        } else {
            check(schema: value, instances: [value])
        }
    }
    return 0
}

/// Compiles `schema` and validates each instance, checking the two validation entry points agree.
func check(schema: JSONValue, instances: [JSONValue]) {
    let options = ValidatorOptions(formatAssertion: true, maxDepth: 64, regexStepLimit: 100_000)
    let validator: SchemaValidator
    do { validator = try SchemaValidator(schema: schema, options: options) } catch {
        fuzzCheck(!error.message.isEmpty, "a schema error without a message: \(error.code)")
        return
    }
    for instance in instances {
        let result = validator.validate(instance)
        fuzzCheck(result.isValid == validator.isValid(instance), "isValid and validate disagree")
        fuzzCheck(result.isValid || !result.failures.isEmpty, "an invalid instance without failures")
    }
}
