import BERSJSON
import BERSYAML

/// A layer file being migrated in memory: its original document (for locations) and its value
/// after the operations so far, with the changes made to it.
struct KeyMigrationLayer: Sendable {
    /// The file's path.
    let path: String
    /// Whether it is a `local.*` or `<env>.local.*` layer (machine-specific, not shared).
    let isLocal: Bool
    /// Whether it is the `default.*` layer.
    let isDefault: Bool
    /// The bytes read, or `nil` for a file the migration creates.
    let originalBytes: [UInt8]?
    /// The parsed original, or `nil` for a file the migration creates.
    let original: JSONDocument?
    /// The value after the operations applied so far.
    var value: JSONValue
    /// The changes made so far, in order.
    var changes: [KeyMigrationChange] = []
    /// The renames and moves made so far, to find where a value stood in the original.
    private var relocations: [(from: JSONPointer, to: JSONPointer)] = []

    /// Reads the layer file `file` from `bytes`.
    ///
    /// - Throws: ``ConfigError`` `config.malformed-layer` (located) or `config.layer-not-object`.
    init(file: LayerFile, bytes: [UInt8]) throws(ConfigError) {
        let document: JSONDocument
        do { document = try DocumentFile.parse(bytes, file: file.path) } catch { throw ConfigError.malformed(error) }
        switch document.value {
        case .object: value = document.value
        case .null: value = .object(JSONObject())  // an empty YAML file is an empty layer
        default:
            throw ConfigError(
                .layerNotObject,
                "a configuration layer must be an object at the top level, found \(document.value.typeName)",
                location: document.location(ofNode: 0)
            )
        }
        path = file.path
        isLocal = [.local, .environmentLocal].contains(file.source.kind)
        isDefault = file.source.kind == .defaults
        originalBytes = bytes
        original = document
    }

    /// A default layer the migration creates at `path`.
    init(newDefaultAt path: String) {
        self.path = path
        isLocal = false
        isDefault = true
        originalBytes = nil
        original = nil
        value = .object(JSONObject())
    }

    /// Whether the file is YAML.
    var isYAML: Bool { DocumentFile.isYAML(path) }

    /// Records a rename or move, so that later locations are found in the original.
    mutating func recordRelocation(from: JSONPointer, to: JSONPointer) {
        relocations.append((from, to))
    }

    /// Where the value now at `pointer` stands in the original file (its key's place when `key`
    /// is set), if it was there.
    func location(of pointer: JSONPointer, key: Bool = false) -> SourceLocation? {
        guard let original else { return nil }
        var current = pointer
        for relocation in relocations.reversed() where current.hasPrefix(relocation.to) {
            current = JSONPointer(tokens: relocation.from.tokens + current.tokens.dropFirst(relocation.to.tokens.count))
        }
        return key
            ? (original.keyLocation(of: current) ?? original.location(of: current)) : original.location(of: current)
    }

    /// An error about the member at `pointer` in this file (located at its key, or at its value
    /// when `key` is off), raised by `operation` of `step`.
    func failure(
        _ code: ConfigError.Code,
        _ message: String,
        at pointer: JSONPointer,
        key: Bool = true,
        operation: KeyMigrationOperation,
        step: KeyMigrationStep
    ) -> ConfigError {
        let location = self.location(of: pointer, key: key)
        let written = operation.location.map(\.description) ?? step.path
        let place = location == nil ? " in \(path)" : ""
        return ConfigError(
            code,
            "migration \(step.label) (\(operation.name) at \(written))\(place): \(message); nothing was written",
            location: location
        )
    }
}
