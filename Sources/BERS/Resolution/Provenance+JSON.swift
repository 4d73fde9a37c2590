import BERSJSON

extension ValueSource {
    /// `{"value": …, "layer": "production", "kind": "environment", "file": "…", "line": 3, "column": 16}`;
    /// variables and `--set` have no file fields.
    public var jsonValue: JSONValue {
        var object: JSONObject = ["value": value, "layer": .string(layer.name), "kind": .string(layer.kind.rawValue)]
        if let location {
            object["file"] = .string(location.file)
            object["line"] = .integer(Int64(location.line))
            object["column"] = .integer(Int64(location.column))
        }
        return .object(object)
    }
}

extension Provenance {
    /// The source of the value with an `overrode` list, as `bers resolve --provenance` prints it.
    public var jsonValue: JSONValue {
        guard case .object(var object) = source.jsonValue else { return .null }
        if isMerged { object["merged"] = true }
        object["overrode"] = .array(overrode.map(\.jsonValue))
        return .object(object)
    }
}

extension ResolvedConfiguration {
    /// Every leaf's JSON pointer mapped to its source: what `bers resolve --provenance` prints.
    ///
    /// Secret values (and the values they replaced) are `<redacted>` unless their pointer is at
    /// or below one in `revealing`.
    public func provenanceDocument(revealing: Set<JSONPointer> = []) -> JSONValue {
        .object(
            JSONObject(
                uniqueMembers: leafProvenance()
                    .map { leaf in
                        (leaf.pointer.description, redacted(leaf, revealing: revealing).jsonValue)
                    }
            )
        )
    }
}
