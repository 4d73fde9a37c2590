import BERSJSON
import BERSYAML

/// The machine-readable output formats: what `--json` and `--format json|yaml` print.
enum StructuredFormat {
    case json, yaml

    /// Prints `value` pretty-printed in this format.
    func print(_ value: JSONValue) {
        switch self {
        case .json: Output.raw(JSONSerializer(style: .pretty).string(value))
        case .yaml: Output.raw(YAMLWriter().string(value))
        }
    }
}
