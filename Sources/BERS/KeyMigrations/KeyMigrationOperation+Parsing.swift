import BERSJSON

extension KeyMigrationOperation {
    /// Reads the operation at `base` of a step file.
    ///
    /// - Throws: ``ConfigError`` `migrate.invalid-step`, located, for an unknown operation or
    ///   conversion (with a did-you-mean), a missing or mistyped field, an unknown field, or a bad
    ///   path.
    init(reader: DocumentReader, at base: JSONPointer) throws(ConfigError) {
        guard try reader.object(at: base) != nil else {
            throw reader.fail(base, "expected an operation object such as {\"op\": \"rename\", …}")
        }
        guard let name = try reader.string(at: base.appending("op")) else {
            throw reader.fail(base, "an operation needs \"op\" (one of \(Self.names.joined(separator: ", ")))")
        }
        self.init(try Self.action(named: name, reader, base), location: reader.document.location(of: base))
    }

    /// The action of the operation named `name` at `base`, its fields checked.
    private static func action(named name: String, _ reader: DocumentReader, _ base: JSONPointer)
        throws(ConfigError) -> Action
    {
        let fields: [String: [String]] = [
            "rename": ["path", "to"], "move": ["from", "to"], "remove": ["path"], "set-default": ["path", "value"],
            "change-type": ["path", "conversion"],
        ]
        guard let allowed = fields[name] else {
            throw reader.fail(base.appending("op"), unknown("operation", name, known: names))
        }
        try reader.rejectUnknownKeys(at: base, allowed: ["op"] + allowed)
        switch name {
        case "rename":
            let path = try path(reader, base.appending("path"))
            return .rename(path: path, to: try key(reader, base.appending("to"), renaming: path))
        case "move":
            return try move(reader, base)
        case "set-default":
            guard let value = reader.value(at: base.appending("value")) else {
                throw reader.fail(base, "set-default needs \"value\"")
            }
            return .setDefault(path: try path(reader, base.appending("path")), value: value)
        case "change-type":
            return .changeType(path: try path(reader, base.appending("path")), conversion: try conversion(reader, base))
        default:
            return .remove(path: try path(reader, base.appending("path")))
        }
    }

    /// A move, whose target must not be its source, inside it, or its parent.
    private static func move(_ reader: DocumentReader, _ base: JSONPointer) throws(ConfigError) -> Action {
        let from = try path(reader, base.appending("from"))
        let to = try path(reader, base.appending("to"))
        if to.hasPrefix(from) || from.hasPrefix(to) {
            throw reader.fail(
                base.appending("to"),
                "cannot move \(from.dottedPath) to itself, inside itself or onto its parent"
            )
        }
        return .move(from: from, to: to)
    }

    /// The path at `pointer`: required, not the root, without empty segments.
    private static func path(_ reader: DocumentReader, _ pointer: JSONPointer) throws(ConfigError) -> JSONPointer {
        guard let text = try reader.string(at: pointer) else {
            throw reader.fail(pointer, "a path is required here (dotted, such as api.timeout, or a JSON pointer)")
        }
        let parsed: JSONPointer
        do { parsed = try JSONPointer(path: text) } catch { throw reader.fail(pointer, error.message) }
        guard !parsed.isRoot, !parsed.tokens.contains(where: \.isEmpty) else {
            throw reader.fail(pointer, "\"\(text)\" is not a path to a key (empty segment or the whole document)")
        }
        return parsed
    }

    /// The new key name of a rename at `pointer`.
    private static func key(_ reader: DocumentReader, _ pointer: JSONPointer, renaming path: JSONPointer)
        throws(ConfigError) -> String
    {
        guard let key = try reader.string(at: pointer), !key.isEmpty else {
            throw reader.fail(pointer, "rename needs \"to\": the new key name")
        }
        if key.contains(".") || key.contains("/") {
            throw reader.fail(
                pointer,
                "\"\(key)\" is a path; rename takes a key name under the same parent, move takes a path"
            )
        }
        if key == path.lastToken { throw reader.fail(pointer, "the key is already called \"\(key)\"") }
        return key
    }

    private static func conversion(_ reader: DocumentReader, _ base: JSONPointer) throws(ConfigError) -> KeyConversion {
        let pointer = base.appending("conversion")
        let known = KeyConversion.allCases.map(\.rawValue)
        guard let text = try reader.string(at: pointer) else {
            throw reader.fail(base, "change-type needs \"conversion\" (one of \(known.joined(separator: ", ")))")
        }
        guard let conversion = KeyConversion(rawValue: text) else {
            throw reader.fail(pointer, unknown("conversion", text, known: known))
        }
        return conversion
    }

    private static func unknown(_ what: String, _ name: String, known: [String]) -> String {
        var message = "unknown \(what) \"\(name)\""
        if let suggestion = Suggestions.closest(to: name, in: known) { message += "; did you mean \"\(suggestion)\"?" }
        return message + " (known: \(known.joined(separator: ", ")))"
    }
}
