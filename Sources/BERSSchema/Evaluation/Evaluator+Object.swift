import BERSJSON

extension Evaluator {
    /// The object keywords of a node, in order (`unevaluatedProperties` last).
    mutating func evaluateObject(
        _ span: Span,
        _ id: NodeID,
        _ object: JSONObject,
        _ evaluated: inout EvaluatedSet?
    ) -> Bool {
        var valid = true
        for index in span.range {
            let passed: Bool
            switch schema.keywords[index] {
            case .members(let table):
                if !Sink.collects, evaluated == nil, schema.objectTables[Int(table)].isSimple {
                    passed = checkSimpleMembers(Int(table), object)
                } else {
                    passed = evaluateMembers(Int(table), id, object, &evaluated)
                }
            case .minProperties(let minimum):
                passed = object.count >= minimum
                if !passed {
                    fail(
                        id,
                        "minProperties",
                        "the object has \(Messages.count(object.count, "property", "properties")), fewer than the minimum of \(minimum)"
                    )
                }
            case .maxProperties(let maximum):
                passed = object.count <= maximum
                if !passed {
                    fail(
                        id,
                        "maxProperties",
                        "the object has \(Messages.count(object.count, "property", "properties")), more than the maximum of \(maximum)"
                    )
                }
            case .propertyNames(let child):
                passed = evaluatePropertyNames(child, object)
            case .dependentRequired(let dependencies):
                passed = evaluateDependentRequired(Int(dependencies), id, keyword: schema.keywordNames[index], object)
            case .dependentSchemas(let dependencies):
                passed = evaluateDependentSchemas(
                    Int(dependencies),
                    keyword: schema.keywordNames[index],
                    object,
                    &evaluated
                )
            case .unevaluatedProperties(let child):
                passed = evaluateUnevaluatedProperties(child, id, object, &evaluated)
            default:
                passed = true
            }
            if !passed {
                guard Sink.collects else { return false }
                valid = false
            }
        }
        return valid
    }

    /// `properties`, `patternProperties`, `additionalProperties` and `required` in one pass over
    /// the members: each key is looked up once, and `required` is a bit count.
    @inline(__always)
    private mutating func evaluateMembers(
        _ tableIndex: Int,
        _ id: NodeID,
        _ object: JSONObject,
        _ evaluated: inout EvaluatedSet?
    ) -> Bool {
        let table = schema.objectTables[tableIndex]
        var valid = true
        var seen: UInt64 = 0
        var guess = Int(table.names.entries.start)
        for position in object.indices {
            let (key, value) = object[position]
            var matched = false
            let found = schema.find(key, in: table.names, guess: guess)
            if found >= 0 {
                guess = found + 1
                let entry = schema.nameEntries[found]
                if entry.requiredBit >= 0 && entry.requiredBit < 64 { seen |= 1 << UInt64(entry.requiredBit) }
                if entry.node >= 0 {
                    matched = true
                    if !applyToChild(entry.node, value, keyword: "properties", key, instanceToken: key) {
                        guard Sink.collects else { return false }
                        valid = false
                    }
                }
            }
            for patternOffset in table.patterns.range {
                let entry = schema.patternEntries[patternOffset]
                switch matchPattern(Int(entry.pattern), key) {
                case .match:
                    matched = true
                    let source = Sink.collects ? schema.patterns[Int(entry.pattern)].source : ""
                    if !applyToChild(entry.node, value, keyword: "patternProperties", source, instanceToken: key) {
                        guard Sink.collects else { return false }
                        valid = false
                    }
                case .noMatch:
                    break
                case .stepLimit(let message):
                    fail(id, "patternProperties", message, property: key)
                    guard Sink.collects else { return false }
                    valid = false
                }
            }
            if !matched && table.additional >= 0 {
                matched = true
                if table.additionalIsFalse {
                    fail(
                        id,
                        "additionalProperties",
                        "additional property \(Messages.quoted(key)) is not allowed",
                        property: key
                    )
                    guard Sink.collects else { return false }
                    valid = false
                } else if !applyToChild(table.additional, value, keyword: "additionalProperties", instanceToken: key) {
                    guard Sink.collects else { return false }
                    valid = false
                }
            }
            if matched, evaluated != nil { evaluated?.insert(position) }
        }
        let requiredCount = Int(table.required.count)
        if requiredCount > 0 && (requiredCount > 64 || seen.nonzeroBitCount != requiredCount) {
            for bit in 0..<requiredCount {
                let name = schema.requiredNames[Int(table.required.start) + bit]
                let present = bit < 64 ? seen & (1 << UInt64(bit)) != 0 : JSONEquality.member(name, of: object) != nil
                if !present {
                    fail(id, "required", "required property \(Messages.quoted(name)) is missing", property: name)
                    guard Sink.collects else { return false }
                    valid = false
                }
            }
        }
        return valid
    }

    /// The flag-mode loop for a table without `patternProperties` and with at most 64 required
    /// names (``ObjectTable/isSimple``): nothing to record, stop at the first failure.
    mutating func checkSimpleMembers(_ tableIndex: Int, _ object: JSONObject) -> Bool {
        let table = schema.objectTables[tableIndex]
        var seen: UInt64 = 0
        var guess = Int(table.names.entries.start)
        var none: EvaluatedSet? = nil
        for position in object.indices {
            let (key, value) = object[position]
            let found = schema.find(key, in: table.names, guess: guess)
            if found >= 0 {
                guess = found &+ 1
                let entry = schema.nameEntries[found]
                if entry.requiredBit >= 0 { seen |= 1 << UInt64(entry.requiredBit) }
                if entry.node >= 0 {
                    if !evaluate(entry.node, value, &none) { return false }
                    continue
                }
            }
            if table.additional >= 0 {
                if table.additionalIsFalse || !evaluate(table.additional, value, &none) { return false }
            }
        }
        return seen.nonzeroBitCount == Int(table.required.count)
    }

    private mutating func evaluatePropertyNames(_ child: NodeID, _ object: JSONObject) -> Bool {
        var valid = true
        for (key, _) in object {
            if !applyToChild(child, .string(key), keyword: "propertyNames", instanceToken: key) {
                guard Sink.collects else { return false }
                valid = false
            }
        }
        return valid
    }

    private mutating func evaluateDependentRequired(
        _ index: Int,
        _ id: NodeID,
        keyword: String,
        _ object: JSONObject
    ) -> Bool {
        var valid = true
        for (name, required) in schema.dependentRequired[index] where JSONEquality.member(name, of: object) != nil {
            for other in required where JSONEquality.member(other, of: object) == nil {
                fail(
                    id,
                    keyword,
                    "property \(Messages.quoted(other)) is required when \(Messages.quoted(name)) is present",
                    property: other
                )
                guard Sink.collects else { return false }
                valid = false
            }
        }
        return valid
    }

    private mutating func evaluateDependentSchemas(
        _ index: Int,
        keyword: String,
        _ object: JSONObject,
        _ evaluated: inout EvaluatedSet?
    ) -> Bool {
        var valid = true
        for (name, child) in schema.dependentSchemas[index] where JSONEquality.member(name, of: object) != nil {
            if !apply(child, to: .object(object), keyword: keyword, name, evaluated: &evaluated) {
                guard Sink.collects else { return false }
                valid = false
            }
        }
        return valid
    }

    private mutating func evaluateUnevaluatedProperties(
        _ child: NodeID,
        _ id: NodeID,
        _ object: JSONObject,
        _ evaluated: inout EvaluatedSet?
    ) -> Bool {
        var valid = true
        let forbidden = isFalse(child)
        for position in object.indices where evaluated?.contains(position) != true {
            let (key, value) = object[position]
            if forbidden {
                fail(
                    id,
                    "unevaluatedProperties",
                    "unevaluated property \(Messages.quoted(key)) is not allowed",
                    property: key
                )
                guard Sink.collects else { return false }
                valid = false
            } else if !applyToChild(child, value, keyword: "unevaluatedProperties", instanceToken: key) {
                guard Sink.collects else { return false }
                valid = false
            }
        }
        evaluated?.insertAll()
        return valid
    }
}
