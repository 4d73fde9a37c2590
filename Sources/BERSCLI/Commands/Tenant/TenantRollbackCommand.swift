import ArgumentParser
import BERS
import BERSJSON
import Foundation

/// `bers tenant rollback FILE|HASH [--to TIME]`: restore a backup.
struct TenantRollbackCommand: AsyncParsableCommand, ProjectCommand, StructuredOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollback",
        abstract: "Restore a tenant document from a backup, backing up the version it replaces.",
        discussion: """
            Restores the newest backup, or with --to the one taken at that time (or the newest before \
            it). The restored document is validated: problems the current document also has do not \
            block; new ones do (exit 1, nothing written). The write is conditional on the version read. \
            A missing or unreadable current document does not stop it (that is what backups are for): \
            the backup is restored whatever its problems, and unreadable bytes are backed up first.
            """
    )

    @Argument(help: "A tenant document file, or a tenant hash read from the store.")
    var target: String

    @Option(help: "The backup's time: 2026-12-04T10:00:00Z or 20261204T100000Z (default: the newest backup).")
    var to: String?

    @Flag(name: .customLong("dry-run"), help: "Say what would be restored; write nothing.")
    var dryRun = false

    @OptionGroup var project: ProjectOptions
    @OptionGroup var stores: TenantStoreOptions
    @OptionGroup var output: ReportOutputOptions

    var structuredOutput: StructuredFormat? { output.structured }

    func validate() throws {
        if let to, UTCTimestamp(parsing: to) == nil {
            throw ValidationError("--to takes a UTC time such as 2026-12-04T10:00:00Z or 20261204T100000Z, not \(to)")
        }
    }

    func run() async throws {
        let (project, stores) = try await self.stores.project(self.project)
        let validator = try project?.tenantValidator() ?? TenantValidator(schema: nil)
        let rollback = TenantRollback(validator: validator)
        let writer = TenantChangeWriter(pause: TestWritePause.pause())
        let time = to.flatMap(UTCTimestamp.init(parsing:))
        let (plan, written) = try await TenantTarget(text: target)
            .withPlace(project: project, stores: stores, settings: validator.settings, recovering: true) { place in
                let plan = try await rollback.plan(place, to: time)
                guard !dryRun, plan.introduced.isEmpty else { return (plan, TenantChangeWriter.Outcome?.none) }
                return (plan, try await rollback.restore(plan, at: place, writer: writer))
            }
        let report: JSONValue = [
            "restored": .string(plan.backup.key), "timestamp": .string(plan.backup.timestamp.iso8601),
            "dryRun": .bool(dryRun), "written": written?.key.map(JSONValue.string) ?? .null,
            "current": .string(
                plan.current == nil ? "missing" : plan.unreadableCurrent == nil ? "readable" : "unreadable"
            ),
            "backup": written?.backupKey.map(JSONValue.string) ?? .null,
            "introduced": .array(plan.introduced.map(\.jsonValue)),
            "preExisting": .array(plan.preExisting.map(\.jsonValue)),
        ]
        if !output.printStructured(report) { printText(plan, written) }
        guard plan.introduced.isEmpty else {
            if output.chosen != .text { throw ExitCode(ExitStatus.invalid) }
            throw TenantError(
                .invalidDocument,
                "\(plan.backup.key) has problems the current document does not have; nothing was written"
            )
        }
    }

    private func printText(_ plan: TenantRollback.Plan, _ written: TenantChangeWriter.Outcome?) {
        for issue in plan.introduced { Output.line("error (the backup would bring it back): \(issue.description)") }
        if plan.current == nil {
            Output.line("the current document is missing")
        } else if let unreadable = plan.unreadableCurrent {
            Output.line("the current document is unreadable: \(unreadable.message)")
        }
        let replacesBroken = plan.current == nil || plan.unreadableCurrent != nil
        let why = replacesBroken ? "not blocking: nothing readable is replaced" : "the current document has it too"
        for issue in plan.preExisting { Output.line("note (\(why)): \(issue.description)") }
        for warning in plan.warnings { Output.line("warning: \(warning.description)") }
        guard plan.introduced.isEmpty else { return }
        if dryRun {
            Output.line("would restore \(plan.backup.key) (\(plan.backup.timestamp.iso8601)); dry run: nothing written")
        } else if let written, let key = written.key {
            Output.line("restored \(plan.backup.key) (\(plan.backup.timestamp.iso8601)) to \(key)")
            if let backup = written.backupKey { Output.line("kept the replaced version as \(backup)") }
        } else {
            Output.line("\(plan.backup.key) is the same as the current document; nothing to restore")
        }
    }
}
