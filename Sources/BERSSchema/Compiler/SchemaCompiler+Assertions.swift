import BERSJSON

extension SchemaCompiler {
    /// Keywords of the validation vocabulary (all of them in drafts 4 to 7).
    mutating func compileAssertions(
        of object: JSONObject,
        at location: SchemaLocation,
        rules: DialectRules,
        into builder: inout NodeBuilder
    ) throws(SchemaError) {
        let dialect = rules.dialect
        if let types = try typeSet(in: object, at: location) {
            builder.types = types
        }
        if let value = object["enum"] {
            guard case .array(let values) = value else {
                throw keywordError(
                    .invalidKeyword,
                    "\"enum\" must be an array, not \(value.typeName)",
                    at: location,
                    keyword: "enum"
                )
            }
            var strings: [(name: String, node: NodeID, requiredBit: Int32)] = []
            var seen = Set<[UInt8]>()
            for case .string(let string) in values where seen.insert(Array(string.utf8)).inserted {
                strings.append((string, -1, -1))
            }
            tables.enums.append(EnumSet(values, strings: makeNameTable(strings)))
            builder.anyType.append((.enumeration(Int32(tables.enums.count - 1)), "enum"))
        }
        if dialect >= .draft6, let value = object["const"] {
            tables.constants.append(value)
            builder.anyType.append((.constant(Int32(tables.constants.count - 1)), "const"))
        }
        try compileNumberAssertions(of: object, at: location, dialect: dialect, into: &builder)
        try compileStringAssertions(of: object, at: location, into: &builder)
        if let count = try countValue("minItems", in: object, at: location) {
            builder.arrays.append((.minItems(count), "minItems"))
        }
        if let count = try countValue("maxItems", in: object, at: location) {
            builder.arrays.append((.maxItems(count), "maxItems"))
        }
        if try boolValue("uniqueItems", in: object, at: location) == true {
            builder.arrays.append((.uniqueItems, "uniqueItems"))
        }
        if let count = try countValue("minProperties", in: object, at: location) {
            builder.objects.append((.minProperties(count), "minProperties"))
        }
        if let count = try countValue("maxProperties", in: object, at: location) {
            builder.objects.append((.maxProperties(count), "maxProperties"))
        }
        if dialect >= .draft2019_09 {
            try compileDependentRequired(of: object, at: location, into: &builder)
        }
    }

    private mutating func compileNumberAssertions(
        of object: JSONObject,
        at location: SchemaLocation,
        dialect: Dialect,
        into builder: inout NodeBuilder
    ) throws(SchemaError) {
        if dialect == .draft4 {
            if let bound = try numberValue("minimum", in: object, at: location) {
                let exclusive = try boolValue("exclusiveMinimum", in: object, at: location) ?? false
                builder.numbers.append((exclusive ? .exclusiveMinimum(bound) : .minimum(bound), "minimum"))
            }
            if let bound = try numberValue("maximum", in: object, at: location) {
                let exclusive = try boolValue("exclusiveMaximum", in: object, at: location) ?? false
                builder.numbers.append((exclusive ? .exclusiveMaximum(bound) : .maximum(bound), "maximum"))
            }
        } else {
            if let bound = try numberValue("minimum", in: object, at: location) {
                builder.numbers.append((.minimum(bound), "minimum"))
            }
            if let bound = try numberValue("maximum", in: object, at: location) {
                builder.numbers.append((.maximum(bound), "maximum"))
            }
            if let bound = try numberValue("exclusiveMinimum", in: object, at: location) {
                builder.numbers.append((.exclusiveMinimum(bound), "exclusiveMinimum"))
            }
            if let bound = try numberValue("exclusiveMaximum", in: object, at: location) {
                builder.numbers.append((.exclusiveMaximum(bound), "exclusiveMaximum"))
            }
        }
        if let divisor = try numberValue("multipleOf", in: object, at: location) {
            guard divisor.double > 0 else {
                throw keywordError(
                    .invalidKeyword,
                    "\"multipleOf\" must be greater than 0",
                    at: location,
                    keyword: "multipleOf"
                )
            }
            builder.numbers.append((.multipleOf(divisor), "multipleOf"))
        }
    }

    private mutating func compileStringAssertions(
        of object: JSONObject,
        at location: SchemaLocation,
        into builder: inout NodeBuilder
    ) throws(SchemaError) {
        if let count = try countValue("minLength", in: object, at: location) {
            builder.strings.append((.minLength(count), "minLength"))
        }
        if let count = try countValue("maxLength", in: object, at: location) {
            builder.strings.append((.maxLength(count), "maxLength"))
        }
        if let source = try stringValue("pattern", in: object, at: location) {
            let index = try patternIndex(source, keyword: "pattern", at: location)
            builder.strings.append((.pattern(index), "pattern"))
        }
    }
}
