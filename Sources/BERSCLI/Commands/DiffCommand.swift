import ArgumentParser
import BERS
import BERSJSON

/// `bers diff ENV_A ENV_B`: what differs between two environments.
struct DiffCommand: ParsableCommand, ProjectCommand, StructuredOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "List the values added, removed and changed from one environment to another, with their sources."
    )

    @Argument(help: "The environment to compare from.")
    var from: String

    @Argument(help: "The environment to compare to.")
    var to: String

    @OptionGroup var project: ProjectOptions
    @OptionGroup var overrides: OverrideOptions
    @OptionGroup var output: ReportOutputOptions

    var structuredOutput: StructuredFormat? { output.structured }

    func run() throws {
        let project = try project.load()
        let old = try project.resolve(try project.environment(named: from), options: overrides.resolveOptions)
        let new = try project.resolve(try project.environment(named: to), options: overrides.resolveOptions)
        // A variable may name a key of one side only; a warning both sides give is printed once.
        var seen = Set<String>()
        Output.diagnostics((old.diagnostics + new.diagnostics).filter { seen.insert($0.description).inserted })
        let diff = ConfigDiff(from: old, to: new)
        if output.printStructured(diff.jsonValue) { return }
        if diff.isEmpty {
            Output.line("\(from) and \(to) resolve to the same configuration")
            return
        }
        for entry in diff.added {
            Output.line("+ \(entry.pointer.dottedPath) = \(entry.source.value.shortText)  (\(entry.source))")
        }
        for entry in diff.removed {
            Output.line("- \(entry.pointer.dottedPath) = \(entry.source.value.shortText)  (\(entry.source))")
        }
        for change in diff.changed {
            Output.line(
                change.isSecret
                    ? "~ \(change.pointer.dottedPath): secret changed (values not shown)"
                    : "~ \(change.pointer.dottedPath): \(change.from.value.shortText) -> \(change.to.value.shortText)"
            )
            Output.line("    \(from): \(change.from)")
            Output.line("    \(to): \(change.to)")
        }
        Output.line("\(diff.added.count) added, \(diff.removed.count) removed, \(diff.changed.count) changed")
    }
}
