import BERSJSON

/// Turns the overrides a tenant document carries into a configuration layer, keeping only the
/// paths the project allows and the positions of what is kept.
enum TenantOverrides {
    /// Calls `body` with the pointer (relative to `value`) of every leaf: scalars, arrays and empty
    /// objects.
    static func forEachLeaf(of value: JSONValue, at pointer: JSONPointer, _ body: (JSONPointer) -> Void) {
        if case .object(let object) = value, !object.isEmpty {
            for (key, child) in object { forEachLeaf(of: child, at: pointer.appending(key), body) }
        } else if !pointer.isRoot {
            body(pointer)
        }
    }

    /// An override that is not applied, and why.
    struct Refusal {
        var pointer: JSONPointer
        var reason: String
    }

    /// The pointers of every leaf a layer sets.
    static func pointers(in layer: Layer) -> [JSONPointer] {
        var pointers: [JSONPointer] = []
        forEachLeaf(of: layer.value, at: .root) { pointers.append($0) }
        return pointers
    }

    /// Whether `new` may replace `old`: the same JSON type (integers and doubles are both numbers).
    static func sameType(_ new: JSONValue, _ old: JSONValue) -> Bool {
        switch (new, old) {
        case (.integer, .integer), (.integer, .double), (.double, .double), (.double, .integer): true
        default: new.typeName == old.typeName
        }
    }

    /// The layer of allowed overrides in `tenant`, and the overrides refused: outside the allow
    /// list, or of another type than the value they would replace in `base`.
    static func layer(
        from tenant: TenantDocument,
        settings: TenantSettings,
        base: JSONValue
    ) throws(ConfigError) -> (layer: Layer?, refused: [Refusal]) {
        let document = tenant.document
        guard case .object? = document.value[settings.overridesKey] else { return (nil, []) }
        let overridesPointer = JSONPointer.root.appending(settings.overridesKey)
        guard let start = document.node(at: overridesPointer) else { return (nil, []) }
        var refused: [Refusal] = []
        var values: [SourcePosition] = []
        var keys: [SourcePosition] = []
        let sizes = document.subtreeSizes
        // Copies the allowed part of the subtree at `node`, recording positions in preorder.
        func copy(_ value: JSONValue, node: Int, relative: JSONPointer) -> JSONValue? {
            if case .object(let object) = value, !object.isEmpty {
                var members: [JSONObject.Member] = []
                let slot = values.count
                values.append(position(document.valuePositions, node))
                keys.append(position(document.keyPositions, node))
                var child = node + 1
                for (key, childValue) in object {
                    if let kept = copy(childValue, node: child, relative: relative.appending(key)) {
                        members.append((key, kept))
                    }
                    child += sizes.indices.contains(child) ? Int(sizes[child]) : childValue.nodeCount
                }
                guard !members.isEmpty else {
                    values.removeSubrange(slot...)
                    keys.removeSubrange(slot...)
                    return nil
                }
                return .object(JSONObject(uniqueMembers: members))
            }
            guard settings.allowsOverride(of: relative) else {
                refused.append(Refusal(pointer: relative, reason: "may not override \(relative.dottedPath)"))
                return nil
            }
            if let old = base[pointer: relative], !sameType(value, old) {
                refused.append(
                    Refusal(
                        pointer: relative,
                        reason: "may not change \(relative.dottedPath) from \(old.typeName) to \(value.typeName)"
                    )
                )
                return nil
            }
            // Keep the whole leaf subtree (an array keeps its elements' positions).
            let count = value.nodeCount
            for offset in 0..<count {
                values.append(position(document.valuePositions, node + offset))
                keys.append(position(document.keyPositions, node + offset))
            }
            return value
        }
        guard let value = document.value[settings.overridesKey], let kept = copy(value, node: start, relative: .root)
        else {
            return (nil, refused)
        }
        let layerDocument = JSONDocument(value: kept, file: document.file, valuePositions: values, keyPositions: keys)
        let source = LayerSource(kind: .tenant, name: "tenant \(tenant.hash.value)", file: document.file)
        return (try Layer(source: source, document: layerDocument), refused)
    }

    private static func position(_ positions: [SourcePosition], _ node: Int) -> SourcePosition {
        positions.indices.contains(node) ? positions[node] : .unknown
    }
}
