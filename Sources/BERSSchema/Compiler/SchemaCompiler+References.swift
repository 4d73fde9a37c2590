import BERSJSON

extension SchemaCompiler {
    /// The location an absolute URI reference names: a resource, a JSON pointer inside one, or an anchor.
    ///
    /// Documents of the registry are loaded (and scanned) on first use.
    ///
    /// - Parameters:
    ///   - target: the reference resolved against the base URI in force.
    ///   - rules: the rules of the referencing schema (the default for a loaded document).
    /// - Returns: `nil` when nothing has that URI.
    mutating func locate(_ target: URIReference, rules: DialectRules) throws(SchemaError) -> SchemaLocation? {
        if let found = try locateLoaded(target, rules: rules) { return found }
        // The URI may be an `$id` inside a registry document nothing has loaded yet.
        guard !loadedWholeRegistry else { return nil }
        loadedWholeRegistry = true
        for uri in options.registry.registeredURIs where uriIndex[uri] == nil {
            // A document that cannot be loaded (an unknown `$schema`, say) is simply not searched.
            _ = try? loadRemote(uri, rules: rules)
        }
        return try locateLoaded(target, rules: rules)
    }

    private mutating func locateLoaded(
        _ target: URIReference,
        rules: DialectRules
    ) throws(SchemaError) -> SchemaLocation? {
        let absolute = target.withoutFragment.description
        let fragment = target.fragment ?? ""
        if fragment.isEmpty || fragment.utf8.first == UInt8(ascii: "/") {
            var root = uriIndex[absolute]
            if root == nil { root = try loadRemote(absolute, rules: rules) }
            guard let root else { return nil }
            guard let pointer = try? JSONPointer(parsing: fragment.percentDecoded) else { return nil }
            var location = root
            for token in pointer.tokens { location = child(location, token) }
            return value(at: location) == nil ? nil : location
        }
        let key = absolute + "#" + fragment
        if let known = uriIndex[key] { return known }
        if uriIndex[absolute] == nil, try loadRemote(absolute, rules: rules) != nil, let loaded = uriIndex[key] {
            return loaded
        }
        let decoded = absolute + "#" + fragment.percentDecoded
        return uriIndex[decoded]
    }

    /// The node a reference keyword (`$ref`, `$dynamicRef`, `$recursiveRef`) at `location` points
    /// to, and the location of its target.
    ///
    /// - Throws: ``SchemaError/Code/unresolvableReference`` naming the reference and its resolved URI.
    mutating func resolveReference(
        _ reference: String,
        keyword: String,
        at location: SchemaLocation,
        record: ScanRecord
    ) throws(SchemaError) -> (NodeID, SchemaLocation) {
        let target = URIReference.resolve(reference, against: record.base)
        guard let found = try locate(target, rules: record.rules) else {
            let resolved = target.description
            let detail = resolved == reference ? "" : " (\(resolved))"
            throw keywordError(
                .unresolvableReference,
                "cannot resolve the reference \"\(reference)\"\(detail): nothing in the schema or the registry has that URI",
                at: location,
                keyword: keyword
            )
        }
        return (node(for: found), found)
    }
}
