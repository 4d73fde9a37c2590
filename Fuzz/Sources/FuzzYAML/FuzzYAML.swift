import BERSJSON
import BERSYAML
import FuzzSupport

/// YAML layer reader (Yams underneath), with limits small enough for a fuzzer's memory budget.
///
/// Properties: no crash or hang (aliases are bounded by the node limit); an accepted document is
/// JSON (it serializes and parses back identically); an error has a code and a message.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = FuzzInput(start, count).bytes
    let reader = YAMLReader(options: .init(maxDepth: 64, maxBytes: 64 * 1024, maxNodes: 20_000))
    do {
        let value = try reader.parse(bytes, file: "fuzz.yaml").value
        let text = JSONSerializer().bytes(value)
        guard let again = try? JSONParser().parse(text).value else {
            fuzzFinding("a YAML value serializes to text that is not JSON: \(String(decoding: text, as: UTF8.self))")
        }
        fuzzCheck(again.isIdentical(to: value), "a YAML value changes through JSON")
    } catch {
        fuzzCheck(!error.message.isEmpty, "an error without a message: \(error.code)")
    }
    return 0
}
