import BERSJSON

extension KeyMigrationPlan {
    /// The plan as `bers migrate --json` prints it: the applied counts, the pending steps, each
    /// changed file with its changes as JSON Patch (RFC 6902) operations (`add`, `remove`,
    /// `replace`, `move`, each with the `step` that makes it and, for `remove` and `replace`, the
    /// `old` value; secrets as `"<redacted>"`), the environments validated, and `written`.
    public func jsonValue(written: Bool) -> JSONValue {
        .object([
            "directory": .string(directory),
            "applied": .integer(Int64(applied)),
            "appliedAfter": .integer(Int64(appliedAfter)),
            "steps": .array(steps.map(\.jsonValue)),
            "files": .array(files.map(\.jsonValue)),
            "validated": .array(validatedEnvironments.map(JSONValue.string)),
            "schema": schema.map(JSONValue.string) ?? .null,
            "written": .bool(written),
        ])
    }
}

extension KeyMigrationStep {
    /// `{"number", "label", "file", "description"}`.
    public var jsonValue: JSONValue {
        .object([
            "number": .integer(Int64(number)), "label": .string(label), "file": .string(path),
            "description": .string(description),
        ])
    }
}

extension KeyMigrationFileChanges {
    /// `{"path", "format", "new", "commentsLost", "operations"}`.
    public var jsonValue: JSONValue {
        .object([
            "path": .string(path),
            "format": .string(isYAML ? "yaml" : "json"),
            "new": .bool(isNew),
            "commentsLost": .bool(losesComments),
            "operations": .array(changes.map(\.jsonValue)),
        ])
    }
}

extension KeyMigrationChange {
    /// The change as a JSON Patch operation with its `step` (and `old` value where one is replaced
    /// or removed).
    public var jsonValue: JSONValue {
        var members: [(String, JSONValue)]
        switch kind {
        case .add(let path, let value):
            members = [("op", "add"), ("path", .string(path.description)), ("value", shownValue(value))]
        case .remove(let path, let old):
            members = [("op", "remove"), ("path", .string(path.description)), ("old", shownValue(old))]
        case .replace(let path, let old, let new):
            members = [
                ("op", "replace"), ("path", .string(path.description)), ("value", shownValue(new)),
                ("old", shownValue(old)),
            ]
        case .move(let from, let to, _):
            members = [("op", "move"), ("from", .string(from.description)), ("path", .string(to.description))]
        }
        members.append(("step", .integer(Int64(step))))
        return .object(JSONObject(members))
    }
}
