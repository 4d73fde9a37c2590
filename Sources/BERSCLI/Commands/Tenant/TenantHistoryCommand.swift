import ArgumentParser
import BERS
import BERSJSON

/// `bers tenant history FILE|HASH`: the current document and its backups, newest first.
struct TenantHistoryCommand: AsyncParsableCommand, ProjectCommand, StructuredOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List a tenant document and its backups, newest first (timestamp, version, size, hash).",
        discussion: "A HASH is read from the store (tenants/<id>/); a FILE lists the backups beside it."
    )

    @Argument(help: "A tenant document file, or a tenant hash read from the store.")
    var target: String

    @OptionGroup var project: ProjectOptions
    @OptionGroup var stores: TenantStoreOptions
    @OptionGroup var output: ReportOutputOptions

    var structuredOutput: StructuredFormat? { output.structured }

    func run() async throws {
        let project = try optionalProject(self.project)
        let settings = project?.settings.tenants ?? TenantSettings()
        let entries = try await TenantTarget(text: target)
            .withPlace(project: project, stores: stores, settings: settings) {
                place in try await place.history()
            }
        let report: [JSONValue] = entries.map { entry in
            [
                "key": .string(entry.key), "current": .bool(entry.isCurrent),
                "timestamp": entry.backup.map { .string($0.timestamp.iso8601) } ?? .null,
                "version": entry.version.map(JSONValue.string) ?? .null, "size": .integer(Int64(entry.size)),
                "sha256": .string(entry.sha256),
            ]
        }
        if output.printStructured(.array(report)) { return }
        for entry in entries {
            let when = entry.backup.map(\.timestamp.iso8601) ?? "current"
            Output.line(
                "\(when.padding(20))  version \((entry.version ?? "?").padding(6))  \(String(entry.size)) bytes  sha256:\(entry.sha256.prefix(12))  \(entry.key)"
            )
        }
        if entries.count <= 1 { Output.line("no backups yet") }
    }
}
