import BERSJSON

extension ReloadEvent {
    /// The event as one JSON object, the stable format of `bers watch --json` (one per line).
    ///
    /// - `{"event": "applied", "generation": 2, "previous": 1, "environment": "staging",
    ///   "digest": "<sha-256>", "changes": [{"path": "/api/timeout", "kind": "modified",
    ///   "old": 5000, "new": 6000, "location": "config/default.json:3:17"}]}` (`old` is absent for
    ///   an added leaf, `new` and `location` for a removed one);
    /// - `{"event": "unchanged", "generation": 2}`;
    /// - `{"event": "refused", "generation": 2, "error": {"code", "message", "location", "details"}}`,
    ///   where `generation` is the one kept.
    public var jsonValue: JSONValue {
        switch self {
        case .applied(let applied):
            let generation = applied.generation
            return [
                "event": "applied", "generation": .integer(Int64(generation.number)),
                "previous": .integer(Int64(applied.previous)),
                "environment": .string(generation.configuration.environment.name),
                "digest": .string(generation.digest), "changes": .array(applied.changes.map(\.jsonValue)),
            ]
        case .unchanged(let number):
            return ["event": "unchanged", "generation": .integer(Int64(number))]
        case .refused(let refused):
            return [
                "event": "refused", "generation": .integer(Int64(refused.keptGeneration)),
                "error": refused.error.jsonValue,
            ]
        }
    }
}

extension ConfigurationChange {
    /// `{"path", "kind", "old", "new", "location"}`; see ``ReloadEvent/jsonValue``.
    public var jsonValue: JSONValue {
        var object: JSONObject = ["path": .string(pointer.description), "kind": .string(kind.rawValue)]
        if let oldValue { object["old"] = oldValue }
        if let newValue { object["new"] = newValue }
        if isSecret { object["secret"] = true }
        if let location { object["location"] = .string(location.description) }
        return .object(object)
    }
}
