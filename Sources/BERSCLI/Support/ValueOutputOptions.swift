import ArgumentParser
import BERSJSON

/// `--format json|yaml` and `--json`, for commands whose output is configuration values.
struct ValueOutputOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, yaml
    }

    @Option(help: "Output format: json (the default) or yaml.")
    var format: Format?

    @Flag(help: "Print JSON (the default; the same as --format json).")
    var json = false

    func validate() throws {
        if json && format == .yaml { throw ValidationError("--json and --format yaml disagree; give one of them.") }
    }

    /// The format the values are printed in.
    var chosen: StructuredFormat { format == .yaml ? .yaml : .json }

    /// The format a failure is also printed in: only when asked for explicitly, so that
    /// `bers resolve > config.json` never leaves an error document that looks like configuration.
    var structuredFailure: StructuredFormat? { json || format != nil ? chosen : nil }

    /// Prints `value` in the chosen format.
    func print(_ value: JSONValue) { chosen.print(value) }
}
