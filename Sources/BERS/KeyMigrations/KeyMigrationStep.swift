import BERSJSON

/// One numbered step of a config directory's `migrations/` folder, such as
/// `migrations/0001-timeout-in-ms.json`.
///
/// ```json
/// {
///   "description": "api.timeout is a number of milliseconds, named timeoutMs",
///   "operations": [
///     {"op": "change-type", "path": "api.timeout", "conversion": "string-to-number"},
///     {"op": "rename", "path": "api.timeout", "to": "timeoutMs"}
///   ]
/// }
/// ```
///
/// Operations run in order, each over every layer file. A `change-type` with
/// `seconds-to-milliseconds` must be followed in its step by a rename or move of its key (or of
/// a parent), so that a re-run finds nothing left to convert.
public struct KeyMigrationStep: Sendable, Hashable {
    /// The step's number: its place in the sequence, from 1.
    public var number: Int
    /// The number as the file name writes it (`0001`).
    public var label: String
    /// The path of the step file.
    public var path: String
    /// What the step does, in a sentence.
    public var description: String
    /// The operations, in order.
    public var operations: [KeyMigrationOperation]

    /// A step with these fields.
    public init(number: Int, label: String, path: String, description: String, operations: [KeyMigrationOperation]) {
        self.number = number
        self.label = label
        self.path = path
        self.description = description
        self.operations = operations
    }

    /// Reads a parsed step file.
    ///
    /// - Throws: ``ConfigError`` `migrate.invalid-step`, located in the step file, for a document
    ///   that is not a step (see ``KeyMigrationOperation``).
    init(document: JSONDocument, number: Int, label: String) throws(ConfigError) {
        let reader = DocumentReader(document, code: .keyMigrationInvalidStep)
        guard case .object = document.value else {
            throw reader.fail(.root, "a migration step must be an object {\"description\", \"operations\"}")
        }
        try reader.rejectUnknownKeys(at: .root, allowed: ["description", "operations"])
        guard let description = try reader.string(at: "/description"), !description.trimmingWhitespace().isEmpty else {
            throw reader.fail(.root, "a migration step needs a \"description\"")
        }
        guard case .array(let list)? = reader.value(at: "/operations"), !list.isEmpty else {
            throw reader.fail(.root, "a migration step needs \"operations\": a non-empty array")
        }
        var operations: [KeyMigrationOperation] = []
        for index in list.indices {
            operations.append(
                try KeyMigrationOperation(reader: reader, at: JSONPointer(tokens: ["operations", String(index)]))
            )
        }
        self.init(number: number, label: label, path: document.file, description: description, operations: operations)
        try checkUnitConversions(reader)
    }

    /// Fails on a unit conversion whose key the step does not rename or move afterwards.
    private func checkUnitConversions(_ reader: DocumentReader) throws(ConfigError) {
        for (index, operation) in operations.enumerated() {
            guard case .changeType(let path, let conversion) = operation.action, !conversion.isIdempotent else {
                continue
            }
            let movedLater = operations[(index + 1)...]
                .contains { later in
                    later.destination != nil && path.hasPrefix(later.source)
                }
            guard !movedLater else { continue }
            throw reader.fail(
                JSONPointer(tokens: ["operations", String(index), "conversion"]),
                "\(conversion.rawValue) changes the unit, not the type, so a re-run could not tell a converted value from one still to convert; rename or move \(path.dottedPath) later in this step (to \(path.dottedPath)Ms, say)"
            )
        }
    }
}
