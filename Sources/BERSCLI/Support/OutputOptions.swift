import ArgumentParser
import BERSJSON
import BERSYAML

/// `--format text|json|yaml` and `--json`, for commands that print a report.
struct ReportOutputOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, yaml
    }

    @Option(help: "Output format: text, json or yaml.")
    var format: Format = .text

    @Flag(help: "Print JSON (the same as --format json).")
    var json = false

    /// The format asked for.
    var chosen: Format { json ? .json : format }

    func validate() throws {
        if json && format == .yaml { throw ValidationError("--json and --format yaml disagree; give one of them.") }
    }

    /// Prints `value` as JSON or YAML and returns `true`, or returns `false` for text output.
    func printStructured(_ value: @autoclosure () -> JSONValue) -> Bool {
        switch chosen {
        case .text: return false
        case .json: Output.raw(JSONSerializer(style: .pretty).string(value()))
        case .yaml: Output.raw(YAMLWriter().string(value()))
        }
        return true
    }
}

/// `--format json|yaml` and `--json`, for commands whose output is configuration values.
struct ValueOutputOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, yaml
    }

    @Option(help: "Output format: json or yaml.")
    var format: Format = .json

    @Flag(help: "Print JSON (the default; the same as --format json).")
    var json = false

    func validate() throws {
        if json && format == .yaml { throw ValidationError("--json and --format yaml disagree; give one of them.") }
    }

    /// Prints `value` in the chosen format.
    func print(_ value: JSONValue) {
        switch json ? .json : format {
        case .json: Output.raw(JSONSerializer(style: .pretty).string(value))
        case .yaml: Output.raw(YAMLWriter().string(value))
        }
    }
}

/// A command that can print JSON; when it does, a failure is printed as JSON on standard output
/// too (`{"error": {"code", "message", "location"}}`), so scripts never parse an empty output.
protocol JSONOutputCommand {
    /// Whether the command was asked for JSON.
    var printsJSON: Bool { get }
}

/// A command that reads a config directory, so that errors can say how it was chosen.
protocol ProjectCommand {
    /// The `--config-dir` option.
    var project: ProjectOptions { get }
}
