import ArgumentParser
import BERS
import BERSJSON
import Foundation

/// `bers tenant migrate FILE|HASH --to VERSION`: run the project's tenant version chain.
struct TenantMigrateCommand: AsyncParsableCommand, ProjectCommand, StructuredOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract:
            "Migrate a tenant document to a later version, with a plan, a diff, a backup and a conditional write.",
        discussion: """
            The steps come from the file tenants.migrations of bers.json names. The plan lists each step \
            and its changes; problems the document already had are reported but do not block; a step \
            error or a new problem blocks the write (exit 1) and nothing is written. A FILE is migrated \
            in place, its backup beside it (<name>-<UTC timestamp>.json); a HASH is migrated in the \
            store, its backup at tenants/<id>/<id>-<UTC timestamp>.json. The write is conditional on the \
            version read: a concurrent writer makes it fail with tenant.conflict. --json prints the \
            plan with an RFC 6902 patch.
            """
    )

    @Argument(help: "A tenant document file, or a tenant hash read from the store.")
    var target: String

    @Option(help: "The version to migrate to (default: the newest the chain reaches).")
    var to: String?

    @Option(help: "The version of a document that has no \"version\" member.")
    var from: String?

    @Flag(name: .customLong("dry-run"), help: "Print the plan and the diff; write nothing.")
    var dryRun = false

    @OptionGroup var project: ProjectOptions
    @OptionGroup var stores: TenantStoreOptions
    @OptionGroup var output: ReportOutputOptions

    var structuredOutput: StructuredFormat? { output.structured }

    func run() async throws {
        let (found, stores) = try await self.stores.project(self.project)
        guard let project = found else {
            throw ConfigError(
                .unreadable,
                "tenant migrations are declared by a project (tenants.migrations in bers.json); pass --config-dir"
            )
        }
        let migrator = try project.tenantMigrator()
        let writer = TenantChangeWriter(pause: TestWritePause.pause())
        let (result, written) = try await TenantTarget(text: target)
            .withPlace(project: project, stores: stores, settings: migrator.validator.settings) { place in
                try await migrator.migrate(place, to: to, from: from, write: !dryRun, writer: writer)
            }
        if !output.printStructured(report(result, written)) { printText(result, written) }
        guard !result.isBlocked else {
            if output.chosen != .text { throw ExitCode(ExitStatus.invalid) }
            let count = result.errors.count + result.introduced.count
            throw TenantError(
                .migrationFailed,
                "\(result.file) cannot be migrated to \(result.toVersion) (\(count) problem\(count == 1 ? "" : "s")); nothing was written"
            )
        }
    }

    private func printText(_ result: TenantMigrationResult, _ written: TenantChangeWriter.Outcome?) {
        let count = result.steps.count
        Output.line(
            "\(result.file): \(result.fromVersion) → \(result.toVersion) (\(count) step\(count == 1 ? "" : "s"))"
        )
        for outcome in result.steps {
            Output.line("step \(outcome.step.name): \(outcome.step.description)")
            for change in outcome.changes { Output.line("  \(change.line)") }
        }
        if let stamp = result.stamp { Output.line("stamp: \(stamp.line)") }
        for warning in result.warnings { Output.line("warning: \(warning.description)") }
        for error in result.errors { Output.line("error: \(error.description)") }
        for issue in result.introduced { Output.line("error (introduced by the migration): \(issue.description)") }
        for issue in result.preExisting {
            Output.line("note (already in the document, not blocking): \(issue.description)")
        }
        if result.isBlocked {
            return
        } else if result.isUnchanged {
            Output.line("nothing to migrate: the document is already at version \(result.toVersion)")
        } else if dryRun {
            Output.line("dry run: nothing written")
        } else if let written, let key = written.key {
            Output.line("wrote \(key)")
            if let backup = written.backupKey { Output.line("kept the previous version as \(backup)") }
        }
    }

    private func report(_ result: TenantMigrationResult, _ written: TenantChangeWriter.Outcome?) -> JSONValue {
        let steps: [JSONValue] = result.steps.map { outcome in
            [
                "from": .string(outcome.step.from), "to": .string(outcome.step.to),
                "description": .string(outcome.step.description),
                "patch": .array(outcome.changes.map(\.patchOperation.jsonValue)),
                "warnings": .array(outcome.warnings.map(\.jsonValue)),
                "errors": .array(outcome.errors.map(\.jsonValue)),
            ]
        }
        return [
            "file": .string(result.file), "from": .string(result.fromVersion), "to": .string(result.toVersion),
            "steps": .array(steps), "patch": .array(result.patch.map(\.jsonValue)),
            "warnings": .array(result.warnings.map(\.jsonValue)), "errors": .array(result.errors.map(\.jsonValue)),
            "introduced": .array(result.introduced.map(\.jsonValue)),
            "preExisting": .array(result.preExisting.map(\.jsonValue)), "blocked": .bool(result.isBlocked),
            "dryRun": .bool(dryRun), "written": written?.key.map(JSONValue.string) ?? .null,
            "backup": written?.backupKey.map(JSONValue.string) ?? .null,
        ]
    }
}
