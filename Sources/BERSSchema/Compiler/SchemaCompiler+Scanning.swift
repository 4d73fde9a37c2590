import BERSJSON

extension SchemaCompiler {
    /// Adds `document`, retrieved from `uri`, and scans it.
    ///
    /// Returns its index.
    mutating func loadDocument(_ document: JSONValue, uri: String, rules: DialectRules) throws(SchemaError) -> Int {
        let index = documents.count
        documents.append(LoadedDocument(root: document, uri: uri))
        try scan(document: index, base: uri, rules: rules)
        return index
    }

    /// Loads the registry document at `uri` (no fragment) when it is not loaded yet, and returns the location of its
    /// root.
    ///
    /// `rules` are those of the referencing schema (the default for a document without `$schema`).
    mutating func loadRemote(_ uri: String, rules: DialectRules) throws(SchemaError) -> SchemaLocation? {
        if let known = uriIndex[uri] { return known }
        guard let document = options.registry.document(at: uri) else { return nil }
        let index = try loadDocument(document, uri: uri, rules: DialectRules(rules.dialect))
        return SchemaLocation(document: index, path: PathTable.root)
    }

    /// Walks every subschema of a document (only through keywords that hold schemas, so an `$id` inside `enum` or an
    /// unknown keyword is not an identifier), recording resources, anchors, dialects and the base URI of each location.
    ///
    /// Iterative: deep schemas are fine.
    private mutating func scan(document: Int, base: String, rules: DialectRules) throws(SchemaError) {
        struct Pending {
            var value: JSONValue
            var path: Int32
            var base: String
            var rules: DialectRules
            var resource: Int32
        }
        var stack = [
            Pending(value: documents[document].root, path: PathTable.root, base: base, rules: rules, resource: -1)
        ]
        while let item = stack.popLast() {
            let location = SchemaLocation(document: document, path: item.path)
            let isDocumentRoot = item.path == PathTable.root
            if values[location] == nil { values[location] = item.value }
            var base = item.base
            var rules = item.rules
            var resource = item.resource
            guard case .object(let object) = item.value else {
                if isDocumentRoot {
                    resource = newResource(uri: base, location: location)
                }
                if scanned[location] == nil {
                    scanned[location] = ScanRecord(base: base, rules: rules, resource: resource)
                }
                continue
            }
            let hasIdentifier = object["$id"]?.stringValue != nil || object["id"]?.stringValue != nil
            if isDocumentRoot || hasIdentifier, let dialectURI = object["$schema"]?.stringValue {
                rules = try dialectRules(for: dialectURI, at: location)
            }
            let dialect = rules.dialect
            if isDocumentRoot {
                resource = newResource(uri: base, location: location)
            }
            let refHidesSiblings = dialect <= .draft7 && object["$ref"] != nil
            if !refHidesSiblings, let id = object[dialect.idKeyword]?.stringValue {
                let resolved = URIReference.resolve(id, against: base)
                let absolute = resolved.withoutFragment.description
                let fragment = resolved.fragment ?? ""
                let isAnchorOnly = id.hasPrefix("#")
                if !isAnchorOnly {
                    base = absolute
                    if isDocumentRoot {
                        resources[Int(resource)].uri = absolute
                        resources[Int(resource)].hasAbsoluteURI = true
                        if uriIndex[absolute] == nil { uriIndex[absolute] = location }
                    } else {
                        resource = newResource(uri: absolute, location: location)
                    }
                }
                if dialect <= .draft7, !fragment.isEmpty, uriIndex[absolute + "#" + fragment] == nil {
                    uriIndex[absolute + "#" + fragment] = location
                }
            }
            if dialect >= .draft2019_09, let anchor = object["$anchor"]?.stringValue {
                uriIndex[base + "#" + anchor] = location
            }
            if dialect >= .draft2020_12, let anchor = object["$dynamicAnchor"]?.stringValue {
                if uriIndex[base + "#" + anchor] == nil { uriIndex[base + "#" + anchor] = location }
                if resources[Int(resource)].dynamicAnchors[anchor] == nil {
                    resources[Int(resource)].dynamicAnchors[anchor] = location
                }
            }
            if dialect == .draft2019_09, object["$recursiveAnchor"]?.boolValue == true,
                resources[Int(resource)].location == location
            {
                resources[Int(resource)].recursiveAnchor = true
            }
            if scanned[location] == nil { scanned[location] = ScanRecord(base: base, rules: rules, resource: resource) }

            for (keyword, shape) in SchemaCompiler.subschemaKeywords(for: dialect) {
                guard let child = object[keyword] else { continue }
                let childPath = tables.paths.child(of: item.path, keyword)
                switch (shape, child) {
                case (.single, _), (.singleOrArray, .object), (.singleOrArray, .bool):
                    stack.append(Pending(value: child, path: childPath, base: base, rules: rules, resource: resource))
                case (.array, .array(let elements)), (.singleOrArray, .array(let elements)):
                    for (offset, element) in elements.enumerated() {
                        stack.append(
                            Pending(
                                value: element,
                                path: tables.paths.child(of: childPath, String(offset)),
                                base: base,
                                rules: rules,
                                resource: resource
                            )
                        )
                    }
                case (.map, .object(let members)):
                    for (name, element) in members where element.objectValue != nil || element.boolValue != nil {
                        stack.append(
                            Pending(
                                value: element,
                                path: tables.paths.child(of: childPath, name),
                                base: base,
                                rules: rules,
                                resource: resource
                            )
                        )
                    }
                default:
                    continue
                }
            }
        }
    }

    private mutating func newResource(uri: String, location: SchemaLocation) -> Int32 {
        let hasAbsolute = uri != SchemaCompiler.defaultBaseURI
        resources.append(ResourceRecord(uri: uri, location: location, hasAbsoluteURI: hasAbsolute))
        if uriIndex[uri] == nil { uriIndex[uri] = location }
        return Int32(resources.count - 1)
    }

    /// How a keyword holds subschemas.
    enum SubschemaShape {
        case single, array, map, singleOrArray
    }

    /// The keywords of `dialect` whose values are (or contain) subschemas.
    static func subschemaKeywords(for dialect: Dialect) -> [(String, SubschemaShape)] {
        var keywords: [(String, SubschemaShape)] = [
            ("additionalProperties", .single), ("allOf", .array), ("anyOf", .array), ("oneOf", .array),
            ("not", .single), ("properties", .map), ("patternProperties", .map), ("definitions", .map),
            ("dependencies", .map),
        ]
        if dialect >= .draft6 { keywords += [("contains", .single), ("propertyNames", .single)] }
        if dialect >= .draft7 { keywords += [("if", .single), ("then", .single), ("else", .single)] }
        if dialect >= .draft2019_09 {
            keywords += [
                ("$defs", .map), ("dependentSchemas", .map), ("unevaluatedItems", .single),
                ("unevaluatedProperties", .single), ("contentSchema", .single),
            ]
        }
        if dialect >= .draft2020_12 {
            keywords += [("prefixItems", .array), ("items", .single)]
        } else {
            keywords += [("items", .singleOrArray), ("additionalItems", .single)]
        }
        return keywords
    }
}
