import BERSJSON

/// Every layer file of a project, migrated in memory step by step: each operation runs over
/// every file before the next one starts.
struct KeyMigrationWorkspace: Sendable {
    /// The layer files: shared ones first (default, then environments), then local ones.
    private(set) var layers: [KeyMigrationLayer]
    /// The config directory, where a missing default layer is created.
    let directory: String
    /// The places the project's schema marks secret.
    let secrets: SecretLocations

    /// Applies every operation of `step`.
    ///
    /// - Throws: the `migrate.*` error of the first operation that fails, located in its file.
    mutating func apply(_ step: KeyMigrationStep) throws(ConfigError) {
        for operation in step.operations {
            let context = KeyMigrationContext(operation: operation, step: step, secrets: secrets)
            if case .setDefault(let path, _) = operation.action {
                try setDefault(path, context)
            } else {
                for index in layers.indices { try layers[index].apply(context) }
            }
        }
    }

    /// The name of the default layer the migration creates when there is none.
    static let newDefaultName = "default.json"

    /// Adds a set-default's value to the default layer when no shared layer sets the path.
    private mutating func setDefault(_ path: JSONPointer, _ context: KeyMigrationContext) throws(ConfigError) {
        for layer in layers where !layer.isLocal {
            if try layer.existing(path, context) != nil { return }
        }
        let index: Int
        if let found = layers.firstIndex(where: \.isDefault) {
            index = found
        } else {
            layers.insert(KeyMigrationLayer(newDefaultAt: joinPath(directory, Self.newDefaultName)), at: 0)
            index = 0
        }
        try layers[index].apply(context)
    }
}
