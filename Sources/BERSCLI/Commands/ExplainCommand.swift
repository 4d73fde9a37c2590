import ArgumentParser
import BERS
import BERSJSON

/// `bers explain PATH`: where a value came from and what it overrode.
struct ExplainCommand: ParsableCommand, ProjectCommand, StructuredOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show a value, the layer and file:line:col that set it, and what it overrode."
    )

    @Argument(help: "A dotted path (api.timeout) or JSON pointer (/api/timeout).")
    var path: String

    @OptionGroup var project: ProjectOptions
    @OptionGroup var environment: EnvironmentOptions
    @OptionGroup var overrides: OverrideOptions
    @OptionGroup var output: ReportOutputOptions
    @OptionGroup var reveal: RevealOptions

    var structuredOutput: StructuredFormat? { output.structured }

    func run() throws {
        let project = try project.load()
        let (environment, _) = try environment.resolveEnvironment(in: project)
        let config = try overrides.resolve(environment, in: project)
        _ = try config.requireValue(at: path)
        guard let found = config.provenance(at: path) else { return }
        let provenance = config.redacted(found, revealing: try reveal.pointers(in: config))
        if case .object(var object) = provenance.jsonValue {
            object["path"] = .string(provenance.pointer.description)
            object["environment"] = .string(environment.name)
            if output.printStructured(.object(object)) { return }
        }
        let shownPath = provenance.pointer.dottedPath.isEmpty ? "(root)" : provenance.pointer.dottedPath
        Output.line("\(shownPath) = \(provenance.value.shortText)")
        Output.line("  environment: \(environment.name)")
        if provenance.isMerged {
            Output.line("  merged object; highest layer: \(provenance.source)")
        } else {
            Output.line("  set by:      \(provenance.source.layer.name) at \(provenance.source)")
        }
        for replaced in provenance.overrode {
            Output.line("  overrode:    \(replaced.value.shortText) from \(replaced.layer.name) at \(replaced)")
        }
        if provenance.overrode.isEmpty && !provenance.isMerged {
            Output.line("  overrode:    nothing (no lower layer sets it)")
        }
    }
}

extension JSONValue {
    /// Compact JSON cut to 80 characters.
    var shortText: String {
        let text = jsonText
        return text.count > 80 ? String(text.prefix(77)) + "..." : text
    }
}
