/// Checks that every environment of a project resolves and satisfies the project's schema once
/// the migrated files are written, by loading the project over a ``KeyMigrationOverlay``.
struct KeyMigrationValidation {
    /// The project as it is on disk.
    let project: ConfigProject
    /// The pending steps (for messages).
    let steps: [KeyMigrationStep]

    /// The environments that resolved, all valid.
    ///
    /// - Throws: ``ConfigError`` `migrate.invalid-result` with one detail line per problem when an
    ///   environment would not resolve or not satisfy the schema; `config.invalid-schema` when
    ///   the schema cannot be compiled.
    func check(_ files: [(path: String, contents: [UInt8])]) throws(ConfigError) -> [String] {
        let overlay = KeyMigrationOverlay(base: project.fileSystem, files: files)
        let migrated = try ConfigProject(directory: project.directory, fileSystem: overlay)
        var validated: [String] = []
        var problems: [String] = []
        var failed: [String] = []
        for name in migrated.catalog.names {
            let environment = try migrated.environment(named: name)
            let configuration: ResolvedConfiguration
            do {
                configuration = try migrated.resolve(environment)
            } catch  where error.code == .noConfiguration {
                continue
            } catch {
                failed.append(name)
                problems.append("\(name): \(error.description)")
                continue
            }
            validated.append(name)
            guard let report = try migrated.validate(configuration), !report.isValid else { continue }
            failed.append(name)
            problems += report.messages.map { "\(name): \($0)" }
        }
        guard failed.isEmpty else { throw invalidResult(failed, problems) }
        return validated
    }

    private func invalidResult(_ failed: [String], _ problems: [String]) -> ConfigError {
        let labels = steps.map(\.label)
        let range =
            labels.count == 1 ? "migration \(labels[0])" : "migrations \(labels.first ?? "")–\(labels.last ?? "")"
        let against = project.settings.schema.map { "be valid against \($0)" } ?? "resolve"
        return ConfigError(
            .keyMigrationInvalidResult,
            "after \(range), \(failed.joined(separator: ", ")) would not \(against) (\(problems.count) problem\(problems.count == 1 ? "" : "s"); locations are in the migrated files); nothing was written",
            details: problems
        )
    }
}
