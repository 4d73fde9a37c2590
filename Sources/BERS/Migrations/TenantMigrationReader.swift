import BERSJSON

/// Reads a tenant migrations file into a ``TenantMigrationCatalog``, failing with located
/// `config.invalid-project-file` errors.
struct TenantMigrationReader {
    /// The reader of the file, with the helpers tenant rules use.
    let rules: TenantRuleReader
    var reader: DocumentReader { rules.reader }

    /// The operations and the keys each takes besides `op`.
    static let operationKeys: [String: [String]] = [
        "add": ["path", "value"],
        "remove": ["each"],
        "deprecate": ["each", "message"],
        "derive-text": [
            "each", "when", "member", "copy-from", "text-from", "strip-prefixes", "template", "empty-template",
            "warning",
        ],
        "infer": ["each", "member", "from-key", "warning", "otherwise"],
        "array-to-map": ["path", "key-from", "defaults"],
    ]

    /// The catalog in `document` (read from `file`).
    static func catalog(_ document: JSONDocument) throws(ConfigError) -> TenantMigrationCatalog {
        let reader = TenantMigrationReader(rules: TenantRuleReader(reader: DocumentReader(document)))
        return try reader.catalog()
    }

    func catalog() throws(ConfigError) -> TenantMigrationCatalog {
        guard try reader.object(at: .root) != nil else { throw reader.fail(.root, "expected an object with \"steps\"") }
        try reader.rejectUnknownKeys(at: .root, allowed: ["description", "stamp", "steps"])
        let stamp = try reader.string(at: "/stamp")
            .map { text throws(ConfigError) in
                try rules.located("/stamp") { () throws(RuleSyntaxError) in try Self.plainPointer(text) }
            }
        var steps: [TenantMigrationStep] = []
        for pointer in try rules.entries(at: "/steps") {
            let step = try self.step(at: pointer)
            if let previous = steps.last, DocumentVersion(parsing: previous.to) != DocumentVersion(parsing: step.from) {
                throw reader.fail(
                    pointer.appending("from"),
                    "step \(step.name) does not start where the previous step (\(previous.name)) ends"
                )
            }
            steps.append(step)
        }
        return TenantMigrationCatalog(steps: steps, stamp: stamp, file: reader.document.file)
    }

    private func step(at pointer: JSONPointer) throws(ConfigError) -> TenantMigrationStep {
        try reader.rejectUnknownKeys(at: pointer, allowed: ["from", "to", "description", "operations"])
        let from = try version(at: pointer.appending("from"))
        let to = try version(at: pointer.appending("to"))
        guard let start = DocumentVersion(parsing: from), let end = DocumentVersion(parsing: to), start < end else {
            throw reader.fail(pointer.appending("to"), "a step goes to a newer version (\(from) → \(to))")
        }
        let operations = try rules.entries(at: pointer.appending("operations"))
            .map {
                entry throws(ConfigError) -> any MigrationOperation in try operation(at: entry)
            }
        return TenantMigrationStep(
            from: from,
            to: to,
            description: try rules.requiredString(at: pointer.appending("description")),
            operations: operations
        )
    }

    private func version(at pointer: JSONPointer) throws(ConfigError) -> String {
        let text = try rules.requiredString(at: pointer)
        guard DocumentVersion(parsing: text) != nil else {
            throw reader.fail(pointer, "expected a version such as \"1.3\" or \"1.4.1\", found \"\(text)\"")
        }
        return text
    }

    private func operation(at pointer: JSONPointer) throws(ConfigError) -> any MigrationOperation {
        let kinds = Self.operationKeys.keys.sorted()
        guard let kind = try reader.choice(at: pointer.appending("op"), kinds) else {
            throw reader.fail(pointer, "missing \"op\" (one of \(kinds.joined(separator: ", ")))")
        }
        try reader.rejectUnknownKeys(at: pointer, allowed: ["op"] + (Self.operationKeys[kind] ?? []))
        switch kind {
        case "add":
            return AddMemberOperation(
                pointer: try plainPointer(at: pointer.appending("path")),
                value: try required(pointer, "value")
            )
        case "remove":
            return RemoveMembersOperation(pattern: try rules.pattern(at: pointer.appending("each")))
        case "deprecate":
            let pattern = try rules.pattern(at: pointer.appending("each"))
            return DeprecationOperation(pattern: pattern, message: try template(pointer, "message", pattern))
        case "derive-text":
            return try deriveText(at: pointer)
        case "infer":
            return try infer(at: pointer)
        default:
            return try arrayToMap(at: pointer)
        }
    }
}
