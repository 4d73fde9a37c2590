import BERSJSON

extension TenantMigrationReader {
    func deriveText(at pointer: JSONPointer) throws(ConfigError) -> DeriveTextOperation {
        let pattern = try rules.pattern(at: pointer.appending("each"))
        return DeriveTextOperation(
            pattern: pattern,
            conditions: try memberConditions(at: pointer.appending("when")),
            member: try rules.requiredString(at: pointer.appending("member")),
            copyFrom: try reader.strings(at: pointer.appending("copy-from")) ?? [],
            textFrom: try reader.strings(at: pointer.appending("text-from")) ?? [],
            stripPrefixes: try reader.strings(at: pointer.appending("strip-prefixes")) ?? [],
            template: try template(pointer, "template", pattern, extra: ["text"]),
            emptyTemplate: try template(pointer, "empty-template", pattern, extra: ["lowercased"]),
            warning: try optionalTemplate(pointer, "warning", pattern, extra: ["value"])
        )
    }

    func infer(at pointer: JSONPointer) throws(ConfigError) -> InferValueOperation {
        let pattern = try rules.pattern(at: pointer.appending("each"))
        let table = pointer.appending("from-key")
        let rows = try rules.entries(at: table)
            .map { row throws(ConfigError) -> InferValueOperation.Row in
                try reader.rejectUnknownKeys(at: row, allowed: ["contains", "value"])
                guard let fragments = try reader.strings(at: row.appending("contains")), !fragments.isEmpty else {
                    throw reader.fail(
                        row,
                        "a row needs \"contains\": the key fragments, such as [\"lovebox\", \"lb_\"]"
                    )
                }
                return InferValueOperation.Row(fragments: fragments, value: try required(row, "value"))
            }
        guard !rows.isEmpty else { throw reader.fail(table, "\"from-key\" needs at least one row") }
        let otherwise = pointer.appending("otherwise")
        guard try reader.object(at: otherwise) != nil else {
            throw reader.fail(pointer, "missing \"otherwise\": {\"code\", \"message\"} for a key no row matches")
        }
        try reader.rejectUnknownKeys(at: otherwise, allowed: ["code", "message"])
        return InferValueOperation(
            pattern: pattern,
            member: try rules.requiredString(at: pointer.appending("member")),
            rows: rows,
            warning: try optionalTemplate(pointer, "warning", pattern, extra: ["value"]),
            failureCode: try rules.code(at: otherwise.appending("code")),
            failureMessage: try template(otherwise, "message", pattern)
        )
    }

    func arrayToMap(at pointer: JSONPointer) throws(ConfigError) -> ArrayToMapOperation {
        let keyFrom = try reader.strings(at: pointer.appending("key-from")) ?? []
        guard !keyFrom.isEmpty else {
            throw reader.fail(pointer, "missing \"key-from\": the members whose text makes each entry's id")
        }
        return ArrayToMapOperation(
            pointer: try plainPointer(at: pointer.appending("path")),
            keyFrom: keyFrom,
            defaults: try reader.object(at: pointer.appending("defaults")) ?? JSONObject()
        )
    }

    /// The value at `pointer`/`key`, which must be present.
    func required(_ pointer: JSONPointer, _ key: String) throws(ConfigError) -> JSONValue {
        guard let value = reader.value(at: pointer.appending(key)) else {
            throw reader.fail(pointer, "missing \"\(key)\"")
        }
        return value
    }

    /// The pointer at `pointer`: a JSON pointer without wildcards.
    func plainPointer(at pointer: JSONPointer) throws(ConfigError) -> JSONPointer {
        let text = try rules.requiredString(at: pointer)
        return try rules.located(pointer) { () throws(RuleSyntaxError) in try Self.plainPointer(text) }
    }

    static func plainPointer(_ text: String) throws(RuleSyntaxError) -> JSONPointer {
        guard text.utf8.first == UInt8(ascii: "/"), let pointer = try? JSONPointer(parsing: text),
            !pointer.tokens.contains("*")
        else {
            throw RuleSyntaxError(
                "expected a JSON pointer without wildcards, such as \"/action_chips/default_chips\", found \"\(text)\""
            )
        }
        return pointer
    }

    /// `{"member": value}` conditions on each matched object.
    func memberConditions(at pointer: JSONPointer) throws(ConfigError) -> [(member: String, value: JSONValue)] {
        (try reader.object(at: pointer) ?? JSONObject()).map { ($0.key, $0.value) }
    }

    /// The template at `pointer`/`key`, whose placeholders are the pattern's captures, `{key}`
    /// and `extra`.
    func template(
        _ pointer: JSONPointer,
        _ key: String,
        _ pattern: PointerPattern,
        extra: [String] = []
    ) throws(ConfigError) -> RuleTemplate {
        guard let template = try optionalTemplate(pointer, key, pattern, extra: extra) else {
            throw reader.fail(pointer, "missing \"\(key)\"")
        }
        return template
    }

    func optionalTemplate(_ pointer: JSONPointer, _ key: String, _ pattern: PointerPattern, extra: [String])
        throws(ConfigError) -> RuleTemplate?
    {
        guard reader.value(at: pointer.appending(key)) != nil else { return nil }
        let names = (0..<pattern.wildcardCount).map { String($0 + 1) } + ["key"] + extra
        return try rules.template(at: pointer.appending(key), names: names, fallback: RuleTemplate(segments: []))
    }
}
