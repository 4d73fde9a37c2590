import BERSJSON
import BERSYAML

extension ConfigProject {
    /// The steps of the project's `migrations/` folder, in order (none without the folder).
    ///
    /// - Throws: ``ConfigError`` `migrate.invalid-step` or `migrate.invalid-sequence` (see
    ///   ``KeyMigrationCatalog``).
    public func keyMigrationSteps() throws(ConfigError) -> [KeyMigrationStep] {
        try KeyMigrationCatalog(folder: joinPath(directory, KeyMigrationCatalog.folderName), fileSystem: fileSystem)
            .steps
    }

    /// Plans the pending configuration-key migrations, writing nothing.
    ///
    /// Applies steps `applied + 1` to the last in memory to every layer file of every environment (local ones included), then checks
    /// that every environment still resolves and satisfies the schema.
    ///
    /// - Throws: ``ConfigError``: the errors of ``keyMigrationSteps()``; `migrate.invalid-state`
    ///   when `bers.json` counts more applied steps than there are; `migrate.target-exists`,
    ///   `migrate.cannot-convert` or `migrate.path-conflict` located in the layer file an
    ///   operation fails on; `migrate.invalid-result` when an environment would become invalid;
    ///   errors reading the layer files.
    public func keyMigrationPlan() throws(ConfigError) -> KeyMigrationPlan {
        let steps = try keyMigrationSteps()
        let applied = settings.migrations.applied
        guard applied <= steps.count else {
            throw ConfigError(
                .keyMigrationInvalidState,
                "bers.json says \(applied) migrations are applied, but \(KeyMigrationCatalog.folderName)/ has \(steps.count) step\(steps.count == 1 ? "" : "s")",
                location: settings.migrations.location
            )
        }
        let pending = Array(steps[applied...])
        guard !pending.isEmpty else { return emptyKeyMigrationPlan(applied: applied) }
        var workspace = KeyMigrationWorkspace(
            layers: try keyMigrationLayers(),
            directory: directory,
            secrets: secretLocations()
        )
        for step in pending { try workspace.apply(step) }
        let files = workspace.layers.filter { !$0.changes.isEmpty }.map(Self.fileChanges)
        let validated = try KeyMigrationValidation(project: self, steps: pending)
            .check(files.map { ($0.path, $0.contents) })
        return KeyMigrationPlan(
            directory: directory,
            applied: applied,
            steps: pending,
            files: files,
            projectFile: try projectFileChanges(applied: applied + pending.count),
            validatedEnvironments: validated,
            schema: settings.schema
        )
    }

    private func emptyKeyMigrationPlan(applied: Int) -> KeyMigrationPlan {
        KeyMigrationPlan(
            directory: directory,
            applied: applied,
            steps: [],
            files: [],
            projectFile: nil,
            validatedEnvironments: [],
            schema: settings.schema
        )
    }

    /// Every layer file of every known environment, read: shared ones first, then local ones.
    private func keyMigrationLayers() throws(ConfigError) -> [KeyMigrationLayer] {
        var seen = Set<String>()
        var files: [LayerFile] = []
        for name in catalog.names {
            for file in try layerFiles(for: try environment(named: name)) where seen.insert(file.path).inserted {
                files.append(file)
            }
        }
        let local: Set<LayerSource.Kind> = [.local, .environmentLocal]
        let ordered = files.filter { !local.contains($0.source.kind) } + files.filter { local.contains($0.source.kind) }
        var layers: [KeyMigrationLayer] = []
        for file in ordered {
            layers.append(try KeyMigrationLayer(file: file, bytes: try fileSystem.contents(atPath: file.path)))
        }
        return layers
    }

    /// A migrated layer's new text and changes.
    private static func fileChanges(_ layer: KeyMigrationLayer) -> KeyMigrationFileChanges {
        let contents =
            layer.isYAML
            ? Array(YAMLWriter().string(layer.value).utf8)
            : JSONSerializer(style: .pretty).bytes(layer.value)
        return KeyMigrationFileChanges(
            path: layer.path,
            isYAML: layer.isYAML,
            losesComments: layer.isYAML && (layer.originalBytes.map(YAMLCommentScanner.hasComments) ?? false),
            changes: layer.changes,
            contents: contents,
            originalContents: layer.originalBytes
        )
    }

    /// `bers.json` with `migrations.applied` set to `count`, its other keys in their order.
    private func projectFileChanges(applied count: Int) throws(ConfigError) -> KeyMigrationFileChanges {
        let path = joinPath(directory, Self.projectFileName)
        let original = fileNames.contains(Self.projectFileName) ? try fileSystem.contents(atPath: path) : nil
        var object = settings.document?.value.objectValue ?? JSONObject()
        var section = object["migrations"]?.objectValue ?? JSONObject()
        section["applied"] = .integer(Int64(count))
        object["migrations"] = .object(section)
        return KeyMigrationFileChanges(
            path: path,
            isYAML: false,
            losesComments: false,
            changes: [],
            contents: JSONSerializer(style: .pretty).bytes(.object(object)),
            originalContents: original
        )
    }
}
