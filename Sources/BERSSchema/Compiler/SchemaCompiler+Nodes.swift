import BERSJSON

/// The keywords of one schema while it is compiled, grouped by the instance type they apply to.
struct NodeBuilder {
    var types: TypeSet = []
    var anyType: [(Keyword, String)] = []
    var numbers: [(Keyword, String)] = []
    var strings: [(Keyword, String)] = []
    var arrays: [(Keyword, String)] = []
    var objects: [(Keyword, String)] = []
    var tracksEvaluation = false
}

extension SchemaCompiler {
    /// Compiles the schema at `location` into node `id`.
    mutating func compileNode(_ id: NodeID, at location: SchemaLocation) throws(SchemaError) {
        let record = scanRecord(for: location)
        tables.nodeSites[Int(id)].resource = record.resource
        guard let value = value(at: location) else {
            throw keywordError(.unresolvableReference, "nothing is at this location", at: location)
        }
        switch value {
        case .bool(let flag):
            tables.nodes[Int(id)] = .boolean(flag, resource: record.resource)
        case .object(let object):
            var builder = NodeBuilder()
            try compileKeywords(of: object, at: location, record: record, into: &builder)
            tables.nodes[Int(id)] = emit(builder, resource: record.resource, dialect: record.rules.dialect)
        default:
            throw keywordError(
                .invalidSchema,
                "a schema must be an object or a boolean, not \(value.typeName)",
                at: location
            )
        }
    }

    private mutating func compileKeywords(
        of object: JSONObject,
        at location: SchemaLocation,
        record: ScanRecord,
        into builder: inout NodeBuilder
    ) throws(SchemaError) {
        let rules = record.rules
        if let reference = try stringValue("$ref", in: object, at: location) {
            let (target, _) = try resolveReference(reference, keyword: "$ref", at: location, record: record)
            builder.anyType.append((.ref(target), "$ref"))
            // Up to draft 7, `$ref` hides every keyword beside it.
            if rules.dialect <= .draft7 { return }
        }
        if rules.dialect == .draft2020_12 {
            try compileDynamicReference(of: object, at: location, record: record, into: &builder)
        }
        if rules.dialect == .draft2019_09, let reference = try stringValue("$recursiveRef", in: object, at: location) {
            let (target, _) = try resolveReference(reference, keyword: "$recursiveRef", at: location, record: record)
            builder.anyType.append((.recursiveRef(target), "$recursiveRef"))
            usesDynamicScope = true
        }
        if rules.has(.applicator) {
            try compileApplicators(of: object, at: location, rules: rules, into: &builder)
        }
        if rules.has(.validation) {
            try compileAssertions(of: object, at: location, rules: rules, into: &builder)
        }
        try compileMembers(of: object, at: location, rules: rules, into: &builder)
        if rules.has(.formatAnnotation) || rules.has(.formatAssertion) {
            try compileFormat(of: object, at: location, rules: rules, into: &builder)
        }
        if rules.dialect == .draft7 {
            let encoding = try stringValue("contentEncoding", in: object, at: location)
            let mediaType = try stringValue("contentMediaType", in: object, at: location)
            let rule = ContentRule(base64: encoding?.lowercased() == "base64", json: mediaType == "application/json")
            if rule.base64 || rule.json {
                builder.strings.append((.content(rule), rule.json ? "contentMediaType" : "contentEncoding"))
            }
        }
        if rules.dialect >= .draft2019_09 && rules.has(.unevaluated) {
            try compileUnevaluated(of: object, at: location, into: &builder)
        }
    }

    /// `$dynamicRef` (2020-12): dynamic only when its initial target has a matching `$dynamicAnchor`.
    private mutating func compileDynamicReference(
        of object: JSONObject,
        at location: SchemaLocation,
        record: ScanRecord,
        into builder: inout NodeBuilder
    ) throws(SchemaError) {
        guard let reference = try stringValue("$dynamicRef", in: object, at: location) else { return }
        let (target, targetLocation) = try resolveReference(
            reference,
            keyword: "$dynamicRef",
            at: location,
            record: record
        )
        let fragment = URIReference(parsing: reference).fragment ?? ""
        let isPlainName = !fragment.isEmpty && fragment.utf8.first != UInt8(ascii: "/")
        if isPlainName, value(at: targetLocation)?["$dynamicAnchor"]?.stringValue == fragment {
            tables.dynamicRefs.append(DynamicReference(target: target, anchor: fragment))
            builder.anyType.append((.dynamicRef(Int32(tables.dynamicRefs.count - 1)), "$dynamicRef"))
            usesDynamicScope = true
        } else {
            builder.anyType.append((.ref(target), "$dynamicRef"))
        }
    }

    private mutating func compileFormat(
        of object: JSONObject,
        at location: SchemaLocation,
        rules: DialectRules,
        into builder: inout NodeBuilder
    ) throws(SchemaError) {
        guard let name = try stringValue("format", in: object, at: location) else { return }
        let asserted =
            options.formatAssertion || (rules.dialect == .draft2020_12 && rules.vocabularies.contains(.formatAssertion))
        guard asserted, let check = FormatChecker.checker(for: name, draft: rules.dialect.formatDraft) else { return }
        tables.formats.append(FormatRule(name: name, check: check))
        builder.strings.append((.format(Int32(tables.formats.count - 1)), "format"))
    }

    private mutating func compileUnevaluated(
        of object: JSONObject,
        at location: SchemaLocation,
        into builder: inout NodeBuilder
    ) throws(SchemaError) {
        if let node = try subschema("unevaluatedItems", in: object, at: location) {
            builder.arrays.append((.unevaluatedItems(node), "unevaluatedItems"))
            builder.tracksEvaluation = true
        }
        if let node = try subschema("unevaluatedProperties", in: object, at: location) {
            builder.objects.append((.unevaluatedProperties(node), "unevaluatedProperties"))
            builder.tracksEvaluation = true
        }
    }

    /// The member table of a node that does nothing else to objects (see ``SchemaNode/simpleObjectTable``).
    private func simpleObjectTable(of builder: NodeBuilder) -> Int32 {
        guard builder.anyType.isEmpty, !builder.tracksEvaluation,
            builder.types.isEmpty || builder.types.contains(.object),
            builder.objects.count == 1, case .members(let table) = builder.objects[0].0,
            tables.objectTables[Int(table)].isSimple
        else { return -1 }
        return table
    }

    /// Appends the builder's keywords to the flat arrays and returns the node.
    private mutating func emit(_ builder: NodeBuilder, resource: Int32, dialect: Dialect) -> SchemaNode {
        func append(_ list: [(Keyword, String)]) -> Span {
            let span = Span(start: Int32(tables.keywords.count), count: Int32(list.count))
            for (keyword, name) in list {
                tables.keywords.append(keyword)
                tables.keywordNames.append(name)
            }
            return span
        }
        let anyType = append(builder.anyType)
        let numbers = append(builder.numbers)
        let strings = append(builder.strings)
        let arrays = append(builder.arrays)
        let objects = append(builder.objects)
        return SchemaNode(
            kind: .keywords,
            types: builder.types,
            tracksEvaluation: builder.tracksEvaluation,
            isScalarLeaf: builder.anyType.isEmpty && !builder.tracksEvaluation,
            simpleObjectTable: simpleObjectTable(of: builder),
            integralDoublesAreIntegers: dialect != .draft4,
            resource: resource,
            anyType: anyType,
            numberKeywords: numbers,
            stringKeywords: strings,
            arrayKeywords: arrays,
            objectKeywords: objects
        )
    }
}
