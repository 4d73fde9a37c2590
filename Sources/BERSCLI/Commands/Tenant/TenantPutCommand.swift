import ArgumentParser
import BERS
import BERSJSON
import Foundation

/// `bers tenant put FILE`: publish a tenant document safely.
struct TenantPutCommand: AsyncParsableCommand, ProjectCommand, StructuredOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "put",
        abstract: "Validate a tenant document and write it to the store, keeping the previous version.",
        discussion: """
            An invalid document is refused (exit 1) and nothing is written, unless --force. The previous configuration \
            is kept as tenants/<id>/<id>-<UTC timestamp>.json; the new one is written only over the \
            version read (a concurrent writer makes it fail with tenant.conflict, exit 1); the mapping \
            is written when missing. --config-dir etcd://host:port/prefix checks the document against \
            the project stored under that prefix, as bers serve --config-dir reads it (the store is \
            the same prefix unless --store names another); with --store etcd://… and no local \
            project, the project stored under the store's prefix is used when there is one.
            """
    )

    @Argument(help: "The tenant document (JSON).")
    var file: String

    @OptionGroup var project: ProjectOptions
    @OptionGroup var stores: TenantStoreOptions

    @Flag(name: .customLong("repoint-mapping"), help: "Point the hash at this tenant even if it names another one.")
    var repointMapping = false

    @Flag(help: "Write the document even if it is invalid (to test how servers refuse it); says so on stderr.")
    var force = false

    @OptionGroup var output: ReportOutputOptions

    var structuredOutput: StructuredFormat? { output.structured }

    func run() async throws {
        let (project, stores) = try await self.stores.project(self.project)
        let validator = try project?.tenantValidator() ?? TenantValidator(schema: nil)
        if validator.schema == nil {
            Output.diagnostic(
                "warning: no tenant schema (tenants.schema in bers.json, see --config-dir); only the rules it declares (tenants.references, tenants.rules) are checked"
            )
        }
        let bytes = try LocalFileSystem().contents(atPath: file, maxBytes: validator.settings.maxBytes)
        let outcome = try await stores.withStore(project: project) { store in
            try await TenantPublisher(
                store: store,
                validator: validator,
                writer: TenantChangeWriter(pause: TestWritePause.pause())
            )
            .publish(bytes, file: file, repointMapping: repointMapping, force: force)
        }
        if outcome.forcedErrors > 0 {
            Output.diagnostic(
                "warning: --force wrote a document with \(outcome.forcedErrors) validation error(s); servers refuse it and keep serving the previous version"
            )
        }
        for warning in outcome.warnings { Output.diagnostic("warning: \(warning.description)") }
        let report: JSONValue = [
            "key": .string(outcome.key), "tenant_id": .string(outcome.tenantID),
            "tenant_hash": .string(outcome.hash.value),
            "backup": outcome.backupKey.map(JSONValue.string) ?? .null, "wroteMapping": .bool(outcome.wroteMapping),
        ]
        if output.printStructured(report) { return }
        Output.line("wrote \(outcome.key) (tenant \(outcome.tenantID), hash \(outcome.hash.value))")
        if let backup = outcome.backupKey { Output.line("kept the previous version as \(backup)") }
        if outcome.wroteMapping { Output.line("wrote mappings/\(outcome.hash.value).json") }
    }
}
