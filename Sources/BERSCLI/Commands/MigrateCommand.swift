import ArgumentParser
import BERS
import BERSJSON
import Foundation

/// `bers migrate`: apply the pending configuration-key migrations of `migrations/`.
struct MigrateCommand: AsyncParsableCommand, ProjectCommand, StructuredOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply the pending configuration-key migrations of migrations/ to every layer file.",
        discussion: """
            Steps are migrations/NNNN-description.json files ({"description", "operations"}; \
            operations rename, move, remove, set-default and change-type), numbered from 1; \
            bers.json "migrations": {"applied": N} records how many are done. The pending steps \
            are applied in memory to every layer file of every environment (local ones too), every \
            environment is resolved and validated against the schema, and only then are the files \
            written, one by one and atomically, bers.json last. Operations are idempotent: after an \
            interruption, run it again. YAML layers are rewritten without their comments. Changes \
            print as ~ path: old -> new, + path: value, - path: old and > from -> to; secrets as \
            <redacted>. Exit status: 0 applied, would apply (--dry-run) or nothing pending; 1 an \
            operation cannot apply to a file (target exists, unconvertible value, path conflict) or \
            an environment would become invalid, and nothing is written; 2 malformed steps or \
            unreadable input.
            """
    )

    @OptionGroup var project: ProjectOptions

    @Flag(name: .customLong("dry-run"), help: "Print the plan and check it; write nothing.")
    var dryRun = false

    @OptionGroup var output: ReportOutputOptions

    var structuredOutput: StructuredFormat? { output.structured }

    func run() async throws {
        let project = try project.load()
        let plan = try project.keyMigrationPlan()
        let text = output.structured == nil
        if text { Output.line(plan.text) }
        if plan.isEmpty {
            _ = output.printStructured(plan.jsonValue(written: false))
            return
        }
        for file in plan.files where file.losesComments {
            Output.diagnostic(
                "warning: comments in \(file.path) \(dryRun ? "would not be" : "are not") kept: YAML layers are rewritten without them"
            )
        }
        if dryRun {
            if text { Output.line("dry run: nothing written") }
            _ = output.printStructured(plan.jsonValue(written: false))
            return
        }
        let report: @Sendable (String) -> Void = { path in Output.line("wrote \(path)") }
        let writer = KeyMigrationWriter(
            fileSystem: project.fileSystem,
            pause: TestWritePause.pause(),
            didWrite: text ? report : nil
        )
        try await writer.write(plan)
        if text { Output.line("migrations.applied now \(plan.appliedAfter)") }
        _ = output.printStructured(plan.jsonValue(written: true))
    }
}
