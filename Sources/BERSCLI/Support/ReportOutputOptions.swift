import ArgumentParser
import BERSJSON

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

    /// The machine-readable format asked for, or `nil` for text.
    var structured: StructuredFormat? {
        switch chosen {
        case .text: nil
        case .json: .json
        case .yaml: .yaml
        }
    }

    func validate() throws {
        if json && format == .yaml { throw ValidationError("--json and --format yaml disagree; give one of them.") }
    }

    /// Prints `value` as JSON or YAML and returns `true`, or returns `false` for text output.
    func printStructured(_ value: @autoclosure () -> JSONValue) -> Bool {
        guard let structured else { return false }
        structured.print(value())
        return true
    }
}
