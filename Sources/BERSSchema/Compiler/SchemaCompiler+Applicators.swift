import BERSJSON

extension SchemaCompiler {
    /// Keywords that apply subschemas: combinators, conditionals, object members, array items.
    mutating func compileApplicators(
        of object: JSONObject,
        at location: SchemaLocation,
        rules: DialectRules,
        into builder: inout NodeBuilder
    ) throws(SchemaError) {
        let dialect = rules.dialect
        if let span = try subschemaList("allOf", in: object, at: location) {
            builder.anyType.append((.allOf(span), "allOf"))
        }
        if let span = try subschemaList("anyOf", in: object, at: location) {
            builder.anyType.append((.anyOf(span), "anyOf"))
        }
        if let span = try subschemaList("oneOf", in: object, at: location) {
            builder.anyType.append((.oneOf(span), "oneOf"))
        }
        if let node = try subschema("not", in: object, at: location) {
            builder.anyType.append((.not(node), "not"))
        }
        if dialect >= .draft7, let condition = try subschema("if", in: object, at: location) {
            let then = try subschema("then", in: object, at: location) ?? -1
            let otherwise = try subschema("else", in: object, at: location) ?? -1
            builder.anyType.append((.conditional(condition: condition, then: then, otherwise: otherwise), "if"))
        }
        try compileArrayApplicators(of: object, at: location, rules: rules, into: &builder)
        if dialect >= .draft6, let node = try subschema("propertyNames", in: object, at: location) {
            builder.objects.append((.propertyNames(node), "propertyNames"))
        }
        try compileDependencies(of: object, at: location, rules: rules, into: &builder)
    }

    /// `properties`, `patternProperties`, `additionalProperties` and `required` as one keyword.
    mutating func compileMembers(
        of object: JSONObject,
        at location: SchemaLocation,
        rules: DialectRules,
        into builder: inout NodeBuilder
    ) throws(SchemaError) {
        let applicators = rules.has(.applicator)
        let properties = applicators ? try subschemaMap("properties", in: object, at: location) : nil
        var patternEntries: [ObjectTable.PatternEntry] = []
        if applicators, let patternSchemas = try subschemaMap("patternProperties", in: object, at: location) {
            for (source, node) in patternSchemas {
                let pattern = try patternIndex(source, keyword: "patternProperties", at: location)
                patternEntries.append(ObjectTable.PatternEntry(pattern: pattern, node: node))
            }
        }
        let additional = applicators ? try subschema("additionalProperties", in: object, at: location) : nil
        var required: [String] = []
        if rules.has(.validation), let value = object["required"] {
            for name in try stringList(value, keyword: "required", at: location) where !required.contains(name) {
                required.append(name)
            }
        }
        guard properties != nil || !patternEntries.isEmpty || additional != nil || !required.isEmpty else { return }

        var names: [(name: String, node: NodeID, requiredBit: Int32)] = []
        for (name, node) in properties ?? [] {
            names.append((name, node, -1))
        }
        for (bit, name) in required.enumerated() {
            if let existing = names.firstIndex(where: { JSONEquality.sameCodePoints($0.name, name) }) {
                names[existing].requiredBit = Int32(bit)
            } else {
                names.append((name, -1, Int32(bit)))
            }
        }
        let patternSpan = Span(start: Int32(tables.patternEntries.count), count: Int32(patternEntries.count))
        tables.patternEntries.append(contentsOf: patternEntries)
        let requiredSpan = Span(start: Int32(tables.requiredNames.count), count: Int32(required.count))
        tables.requiredNames.append(contentsOf: required)
        let table = ObjectTable(
            names: makeNameTable(names),
            patterns: patternSpan,
            additional: additional ?? -1,
            additionalIsFalse: object["additionalProperties"]?.boolValue == false,
            required: requiredSpan
        )
        tables.objectTables.append(table)
        builder.objects.append((.members(Int32(tables.objectTables.count - 1)), "properties"))
    }

    private mutating func compileArrayApplicators(
        of object: JSONObject,
        at location: SchemaLocation,
        rules: DialectRules,
        into builder: inout NodeBuilder
    ) throws(SchemaError) {
        let dialect = rules.dialect
        var prefix = Span.empty
        var rest: NodeID = -1
        var legacy = false
        if dialect >= .draft2020_12 {
            prefix = try subschemaList("prefixItems", in: object, at: location) ?? .empty
            rest = try subschema("items", in: object, at: location) ?? -1
        } else if case .array? = object["items"] {
            prefix = try subschemaList("items", in: object, at: location, allowEmpty: true) ?? .empty
            legacy = true
            rest = try subschema("additionalItems", in: object, at: location) ?? -1
        } else {
            rest = try subschema("items", in: object, at: location) ?? -1
        }
        if !prefix.isEmpty || rest >= 0 {
            let items = ArrayItems(prefix: prefix, rest: rest, legacy: legacy)
            tables.arrayItems.append(items)
            builder.arrays.append(
                (.items(Int32(tables.arrayItems.count - 1)), prefix.isEmpty ? items.restKeyword : items.prefixKeyword)
            )
        }
        if dialect >= .draft6, let node = try subschema("contains", in: object, at: location) {
            var minimum = 1
            var maximum = Int.max
            if dialect >= .draft2019_09 && rules.has(.validation) {
                minimum = try countValue("minContains", in: object, at: location) ?? 1
                maximum = try countValue("maxContains", in: object, at: location) ?? Int.max
            }
            tables.containsRules.append(
                ContainsRule(node: node, minimum: minimum, maximum: maximum, annotatesItems: dialect >= .draft2020_12)
            )
            builder.arrays.append((.contains(Int32(tables.containsRules.count - 1)), "contains"))
        }
    }

    /// `dependencies` (all drafts; kept in 2019-09 and later for compatibility), `dependentSchemas`
    /// and `dependentRequired`.
    private mutating func compileDependencies(
        of object: JSONObject,
        at location: SchemaLocation,
        rules: DialectRules,
        into builder: inout NodeBuilder
    ) throws(SchemaError) {
        if let value = object["dependencies"] {
            guard case .object(let members) = value else {
                throw keywordError(
                    .invalidKeyword,
                    "\"dependencies\" must be an object, not \(value.typeName)",
                    at: location,
                    keyword: "dependencies"
                )
            }
            var required: [(name: String, required: [String])] = []
            var schemas: [(name: String, node: NodeID)] = []
            for (name, dependency) in members {
                switch dependency {
                case .array:
                    required.append((name, try stringList(dependency, keyword: "dependencies", at: location)))
                case .object, .bool:
                    schemas.append((name, node(for: child(location, "dependencies", name))))
                default:
                    throw keywordError(
                        .invalidKeyword,
                        "\"dependencies\" must map names to arrays of names or to schemas; \"\(name)\" maps to \(dependency.typeName)",
                        at: location,
                        keyword: "dependencies"
                    )
                }
            }
            if !required.isEmpty {
                tables.dependentRequired.append(required)
                builder.objects.append((.dependentRequired(Int32(tables.dependentRequired.count - 1)), "dependencies"))
            }
            if !schemas.isEmpty {
                tables.dependentSchemas.append(schemas)
                builder.objects.append((.dependentSchemas(Int32(tables.dependentSchemas.count - 1)), "dependencies"))
            }
        }
        guard rules.dialect >= .draft2019_09 else { return }
        if let schemas = try subschemaMap("dependentSchemas", in: object, at: location), !schemas.isEmpty {
            tables.dependentSchemas.append(schemas.map { (name: $0.0, node: $0.1) })
            builder.objects.append((.dependentSchemas(Int32(tables.dependentSchemas.count - 1)), "dependentSchemas"))
        }
    }

    /// `dependentRequired` (2019-09 and later, validation vocabulary).
    mutating func compileDependentRequired(
        of object: JSONObject,
        at location: SchemaLocation,
        into builder: inout NodeBuilder
    ) throws(SchemaError) {
        guard let value = object["dependentRequired"] else { return }
        guard case .object(let members) = value else {
            throw keywordError(
                .invalidKeyword,
                "\"dependentRequired\" must be an object, not \(value.typeName)",
                at: location,
                keyword: "dependentRequired"
            )
        }
        var required: [(name: String, required: [String])] = []
        for (name, names) in members {
            required.append((name, try stringList(names, keyword: "dependentRequired", at: location)))
        }
        guard !required.isEmpty else { return }
        tables.dependentRequired.append(required)
        builder.objects.append((.dependentRequired(Int32(tables.dependentRequired.count - 1)), "dependentRequired"))
    }
}
