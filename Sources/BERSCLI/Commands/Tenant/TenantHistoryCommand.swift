import ArgumentParser
import BERS
import BERSJSON

/// `bers tenant history FILE|HASH`: the current document and its backups, newest first.
struct TenantHistoryCommand: AsyncParsableCommand, ProjectCommand, StructuredOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List a tenant document and its backups, newest first (timestamp, version, size, hash).",
        discussion: """
            A HASH is read from the store (tenants/<id>/); a FILE lists the backups beside it. A missing \
            or unreadable current document is said so, and its backups are still listed (restore one \
            with bers tenant rollback).
            """
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
        let (document, entries) = try await TenantTarget(text: target)
            .withPlace(project: project, stores: stores, settings: settings, recovering: true) { place in
                (place.description, try await place.history())
            }
        guard !entries.isEmpty else {
            throw TenantError(.notFound, "\(document) does not exist and has no backups")
        }
        let report: [JSONValue] = entries.map { entry in
            [
                "key": .string(entry.key), "current": .bool(entry.isCurrent),
                "timestamp": entry.backup.map { .string($0.timestamp.iso8601) } ?? .null,
                "version": entry.version.map(JSONValue.string) ?? .null, "size": .integer(Int64(entry.size)),
                "sha256": .string(entry.sha256), "readable": .bool(entry.isReadable),
            ]
        }
        if output.printStructured(.array(report)) { return }
        for entry in entries {
            let when = entry.backup.map(\.timestamp.iso8601) ?? "current"
            Output.line(
                "\(when.padding(20))  version \((entry.version ?? "?").padding(6))  \(String(entry.size)) bytes  sha256:\(entry.sha256.prefix(12))  \(entry.key)"
            )
        }
        printNotes(document: document, entries)
    }

    /// Says when the current document is missing or unreadable, or when there are no backups.
    private func printNotes(document: String, _ entries: [TenantHistoryEntry]) {
        let current = entries.first(where: \.isCurrent)
        if current == nil {
            Output.line("the current document \(document) is missing; `bers tenant rollback` restores a backup")
        } else if current?.isReadable == false {
            Output.line(
                "the current document \(document) is unreadable (not a JSON object); `bers tenant rollback` restores a backup and keeps the unreadable bytes as a backup first"
            )
        }
        if entries.allSatisfy(\.isCurrent) { Output.line("no backups yet") }
    }
}
