import BERSJSON

/// Typed reads of keyword values, each throwing ``SchemaError/Code/invalidKeyword`` with the
/// keyword's location when the value has the wrong shape.
extension SchemaCompiler {
    /// The subschema under `keyword`, compiled lazily (queued), or `nil` when absent.
    mutating func subschema(
        _ keyword: String,
        in object: JSONObject,
        at location: SchemaLocation
    ) throws(SchemaError) -> NodeID? {
        guard let value = object[keyword] else { return nil }
        guard value.objectValue != nil || value.boolValue != nil else {
            throw keywordError(
                .invalidKeyword,
                "\"\(keyword)\" must be a schema (an object or a boolean), not \(value.typeName)",
                at: location,
                keyword: keyword
            )
        }
        return node(for: child(location, keyword))
    }

    /// The subschemas of an array-valued keyword (`allOf`, `prefixItems`...), as a span of
    /// ``nodeLists``, or `nil` when absent.
    mutating func subschemaList(
        _ keyword: String,
        in object: JSONObject,
        at location: SchemaLocation,
        allowEmpty: Bool = false
    ) throws(SchemaError) -> Span? {
        guard let value = object[keyword] else { return nil }
        guard case .array(let elements) = value, allowEmpty || !elements.isEmpty else {
            throw keywordError(
                .invalidKeyword,
                "\"\(keyword)\" must be a non-empty array of schemas",
                at: location,
                keyword: keyword
            )
        }
        var children: [NodeID] = []
        for (offset, element) in elements.enumerated() {
            guard element.objectValue != nil || element.boolValue != nil else {
                throw keywordError(
                    .invalidKeyword,
                    "\"\(keyword)\" must hold schemas, but element \(offset) is \(element.typeName)",
                    at: location,
                    keyword: keyword
                )
            }
            children.append(node(for: child(location, keyword, String(offset))))
        }
        let span = Span(start: Int32(tables.nodeLists.count), count: Int32(children.count))
        tables.nodeLists.append(contentsOf: children)
        return span
    }

    /// The subschemas of an object-valued keyword (`properties`, `dependentSchemas`...), in order.
    mutating func subschemaMap(
        _ keyword: String,
        in object: JSONObject,
        at location: SchemaLocation
    ) throws(SchemaError) -> [(String, NodeID)]? {
        guard let value = object[keyword] else { return nil }
        guard case .object(let members) = value else {
            throw keywordError(
                .invalidKeyword,
                "\"\(keyword)\" must be an object whose values are schemas, not \(value.typeName)",
                at: location,
                keyword: keyword
            )
        }
        var result: [(String, NodeID)] = []
        for (name, member) in members {
            guard member.objectValue != nil || member.boolValue != nil else {
                throw keywordError(
                    .invalidKeyword,
                    "\"\(keyword)\" must hold schemas, but \"\(name)\" is \(member.typeName)",
                    at: location,
                    keyword: keyword
                )
            }
            result.append((name, node(for: child(location, keyword, name))))
        }
        return result
    }

    /// A number keyword (`minimum`, `multipleOf`...).
    func numberValue(
        _ keyword: String,
        in object: JSONObject,
        at location: SchemaLocation
    ) throws(SchemaError) -> NumberBound? {
        guard let value = object[keyword] else { return nil }
        guard let bound = NumberBound(value) else {
            throw keywordError(
                .invalidKeyword,
                "\"\(keyword)\" must be a number, not \(value.typeName)",
                at: location,
                keyword: keyword
            )
        }
        return bound
    }

    /// A non-negative integer keyword (`minLength`, `maxItems`...); `2.0` counts as 2.
    func countValue(_ keyword: String, in object: JSONObject, at location: SchemaLocation) throws(SchemaError) -> Int? {
        guard let value = object[keyword] else { return nil }
        switch value {
        case .integer(let integer) where integer >= 0:
            return Int(clamping: integer)
        case .double(let double) where double >= 0 && double.rounded() == double:
            return double >= 9.2e18 ? Int.max : Int(double)
        default:
            throw keywordError(
                .invalidKeyword,
                "\"\(keyword)\" must be a non-negative integer, not \(value.jsonText)",
                at: location,
                keyword: keyword
            )
        }
    }

    /// A boolean keyword (`uniqueItems`, draft-04 `exclusiveMinimum`).
    func boolValue(_ keyword: String, in object: JSONObject, at location: SchemaLocation) throws(SchemaError) -> Bool? {
        guard let value = object[keyword] else { return nil }
        guard let flag = value.boolValue else {
            throw keywordError(
                .invalidKeyword,
                "\"\(keyword)\" must be a boolean, not \(value.typeName)",
                at: location,
                keyword: keyword
            )
        }
        return flag
    }

    /// An array of strings (`required`, the array form of `dependencies`).
    func stringList(_ value: JSONValue, keyword: String, at location: SchemaLocation) throws(SchemaError) -> [String] {
        guard case .array(let elements) = value else {
            throw keywordError(
                .invalidKeyword,
                "\"\(keyword)\" must be an array of strings, not \(value.typeName)",
                at: location,
                keyword: keyword
            )
        }
        var strings: [String] = []
        for element in elements {
            guard case .string(let string) = element else {
                throw keywordError(
                    .invalidKeyword,
                    "\"\(keyword)\" must be an array of strings, but it holds \(element.jsonText)",
                    at: location,
                    keyword: keyword
                )
            }
            strings.append(string)
        }
        return strings
    }

    /// A string keyword (`pattern`, `format`, `$ref`).
    func stringValue(_ keyword: String, in object: JSONObject, at location: SchemaLocation) throws(SchemaError)
        -> String?
    {
        guard let value = object[keyword] else { return nil }
        guard case .string(let string) = value else {
            throw keywordError(
                .invalidKeyword,
                "\"\(keyword)\" must be a string, not \(value.typeName)",
                at: location,
                keyword: keyword
            )
        }
        return string
    }

    /// The `type` keyword as a set.
    func typeSet(in object: JSONObject, at location: SchemaLocation) throws(SchemaError) -> TypeSet? {
        guard let value = object["type"] else { return nil }
        let names: [String]
        switch value {
        case .string(let name): names = [name]
        case .array: names = try stringList(value, keyword: "type", at: location)
        default:
            throw keywordError(
                .invalidKeyword,
                "\"type\" must be a type name or an array of them, not \(value.typeName)",
                at: location,
                keyword: "type"
            )
        }
        var set: TypeSet = []
        for name in names {
            guard let type = TypeSet(typeName: name) else {
                throw keywordError(
                    .invalidKeyword,
                    "\"type\" names \"\(name)\", which is not one of null, boolean, integer, number, string, array, object",
                    at: location,
                    keyword: "type"
                )
            }
            set.formUnion(type)
        }
        return set
    }

    /// The index of the compiled `source` pattern, compiling it on first use.
    mutating func patternIndex(
        _ source: String,
        keyword: String,
        at location: SchemaLocation
    ) throws(SchemaError) -> Int32 {
        if let known = patternCache[source] { return known }
        let regex: ECMARegex
        do {
            regex = try ECMARegex(source, options: ECMARegex.Options(unicode: true, stepLimit: options.regexStepLimit))
        } catch {
            throw keywordError(
                .invalidRegex,
                "\"\(source)\" is not a valid ECMA-262 regular expression: \(error.message)",
                at: location,
                keyword: keyword,
                underlying: error
            )
        }
        let index = Int32(tables.patterns.count)
        tables.patterns.append(CompiledPattern(source: source, regex: regex))
        tables.patternPlans.append(patternPlan(for: source))
        patternCache[source] = index
        return index
    }

    /// The literal text of a pattern of the form `^literal` (no metacharacters), if it is one.
    static func literalPrefix(of pattern: String) -> String? {
        guard pattern.hasPrefix("^"), pattern.count > 1 else { return nil }
        let body = pattern.dropFirst()
        let metacharacters: Set<Character> = ["\\", "^", "$", ".", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}"]
        guard body.allSatisfy({ $0.isASCII && !metacharacters.contains($0) }) else { return nil }
        return String(body)
    }
}
