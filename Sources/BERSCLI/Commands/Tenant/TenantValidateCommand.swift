import ArgumentParser
import BERS
import BERSJSON
import BERSYAML

/// `bers tenant validate FILE|HASH`: every problem of a tenant document.
struct TenantValidateCommand: AsyncParsableCommand, ProjectCommand, StructuredOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract:
            "Check a tenant document (a file, or a hash read from the store) against the tenant schema and the rules of bers.json.",
        discussion: """
            Exit status 0 when valid, 1 when there are errors (warnings do not count), 2 when it cannot \
            be read. --config-dir etcd://host:port/prefix checks against the project stored there, as \
            bers tenant put does.
            """
    )

    @Argument(help: "A tenant document file (a path: it has a /, ends in .json, or exists), or a tenant hash.")
    var target: String

    @OptionGroup var project: ProjectOptions
    @OptionGroup var stores: TenantStoreOptions
    @OptionGroup var output: ReportOutputOptions

    var structuredOutput: StructuredFormat? { output.structured }

    /// Whether the argument names a file rather than a hash.
    var namesFile: Bool { TenantTarget(text: target).namesFile }

    /// Reads a tenant document file, JSON or (by its suffix) YAML.
    private func readDocument(maxBytes: Int) throws -> JSONDocument {
        let fileSystem = LocalFileSystem()
        guard fileSystem.fileExists(atPath: target) else {
            let what = fileSystem.directoryExists(atPath: target) ? "is a directory" : "does not exist"
            throw ConfigError(.unreadable, "tenant document \(target) \(what)")
        }
        let bytes = try fileSystem.contents(atPath: target, maxBytes: maxBytes)
        do {
            return try DocumentFile.parse(bytes, file: target)
        } catch {
            throw TenantError(.malformedDocument, error.message, location: error.location)
        }
    }

    func run() async throws {
        let (project, stores) = try await self.stores.project(self.project)
        let validator = try project?.tenantValidator() ?? TenantValidator(schema: nil)
        let document: JSONDocument
        if namesFile {
            document = try readDocument(maxBytes: validator.settings.maxBytes)
        } else {
            let hash = try TenantHash(target, policy: validator.settings.hashPolicy)
            document = try await stores.withStore(project: project) { store in
                try await TenantRepository(store: store, maxBytes: validator.settings.maxBytes).load(hash).document
            }
        }
        let report = validator.validate(document)
        if output.chosen != .text {
            _ = output.printStructured([
                "file": .string(document.file), "valid": .bool(report.isValid),
                "errors": .array(report.errors.map(\.jsonValue)), "warnings": .array(report.warnings.map(\.jsonValue)),
            ])
        } else {
            for issue in report.errors { Output.line(issue.description) }
            for issue in report.warnings { Output.line("warning: \(issue.description)") }
            if report.isValid { Output.line("\(document.file): valid") }
        }
        guard report.isValid else {
            // A JSON or YAML report already says "valid": false.
            if output.chosen != .text { throw ExitCode(ExitStatus.invalid) }
            let count = report.errors.count
            throw TenantError(
                .invalidDocument,
                "\(document.file) does not satisfy the tenant schema and reference rules (\(count) error\(count == 1 ? "" : "s"))"
            )
        }
    }
}
