import BERSJSON

/// Applies a ``CompiledSchema`` to an instance.
///
/// Generic over its sink so the flag path and the collecting path are two specialisations of one
/// algorithm. Recursion depth is bounded by ``CompiledSchema/maxDepth``: a deeper instance, or a
/// reference cycle that consumes no instance (`{"$ref": "#"}`), fails with a message instead of
/// overflowing the stack.
struct Evaluator<Sink: EvaluationSink> {
    let schema: CompiledSchema
    var sink: Sink
    var depth = 0
    /// The schema resources entered, outermost first (only kept when the schema uses
    /// `$dynamicRef` or `$recursiveRef`).
    var scope: [Int32] = []

    init(schema: CompiledSchema, sink: Sink) {
        self.schema = schema
        self.sink = sink
    }

    /// Evaluates node `id` against `instance`.
    ///
    /// When `evaluated` is non-nil, the members or items this node evaluated are added to it (only when the node is
    /// valid).
    ///
    /// Inlined at every call site: a scalar meeting a leaf schema (`{"type": "string",
    /// "maxLength": 9}`, most of any configuration schema) is checked here without a call.
    @inline(__always)
    mutating func evaluate(_ id: NodeID, _ instance: JSONValue, _ evaluated: inout EvaluatedSet?) -> Bool {
        let index = Int(id)
        if schema.nodes[index].isScalarLeaf {
            let types = schema.nodes[index].types
            switch instance {
            case .string(let string):
                guard types.isEmpty || types.contains(.string) else { break }
                let keywords = schema.nodes[index].stringKeywords
                return keywords.isEmpty || evaluateString(keywords, id, string)
            case .integer:
                guard types.isEmpty || !types.isDisjoint(with: [.number, .integer]) else { break }
                let keywords = schema.nodes[index].numberKeywords
                return keywords.isEmpty || evaluateNumber(keywords, id, instance)
            case .double:
                guard
                    types.isEmpty
                        || Evaluator.matches(
                            types,
                            instance,
                            integralDoubles: schema.nodes[index].integralDoublesAreIntegers
                        )
                else { break }
                let keywords = schema.nodes[index].numberKeywords
                return keywords.isEmpty || evaluateNumber(keywords, id, instance)
            case .bool:
                guard types.isEmpty || types.contains(.boolean) else { break }
                return true
            case .null:
                guard types.isEmpty || types.contains(.null) else { break }
                return true
            case .array, .object:
                break
            }
        }
        if !Sink.collects, evaluated == nil, case .object(let object) = instance {
            let table = schema.nodes[index].simpleObjectTable
            if table >= 0, depth < schema.maxDepth {
                depth &+= 1
                let valid = checkSimpleMembers(Int(table), object)
                depth &-= 1
                return valid
            }
        }
        return evaluateNode(id, instance, &evaluated)
    }

    /// The general case of ``evaluate(_:_:_:)``.
    @inline(never)
    mutating func evaluateNode(_ id: NodeID, _ instance: JSONValue, _ evaluated: inout EvaluatedSet?) -> Bool {
        let node = schema.nodes[Int(id)]
        switch node.kind {
        case .alwaysValid:
            return true
        case .alwaysInvalid:
            fail(id, "", "no value is allowed here (the schema is false)")
            return false
        case .keywords:
            break
        }
        guard depth < schema.maxDepth else {
            let limit = schema.maxDepth
            fail(
                id,
                "",
                "the evaluation is nested deeper than the limit of \(limit) levels (a very deep value or a reference cycle)"
            )
            return false
        }
        if schema.usesDynamicScope || node.tracksEvaluation || evaluated != nil {
            return evaluateScoped(id, node, instance, &evaluated)
        }
        // The common case: no annotations to collect, no dynamic scope to keep.
        depth &+= 1
        var none: EvaluatedSet? = nil
        let valid = evaluateKeywords(id, node, instance, &none)
        depth &-= 1
        return valid
    }

    /// ``evaluateNode(_:_:_:)`` with the dynamic scope kept and annotations collected.
    @inline(never)
    private mutating func evaluateScoped(
        _ id: NodeID,
        _ node: SchemaNode,
        _ instance: JSONValue,
        _ evaluated: inout EvaluatedSet?
    ) -> Bool {
        depth += 1
        defer { depth -= 1 }
        var enteredResource = false
        if schema.usesDynamicScope, scope.last != node.resource {
            scope.append(node.resource)
            enteredResource = true
        }
        defer { if enteredResource { scope.removeLast() } }
        var local: EvaluatedSet?
        if node.tracksEvaluation || evaluated != nil {
            local = EvaluatedSet(for: instance)
        }
        let valid = evaluateKeywords(id, node, instance, &local)
        if valid, evaluated != nil, let local {
            evaluated?.formUnion(local)
        }
        return valid
    }

    /// The keywords of `node`: `type`, then those for any type, then those for the instance's type.
    @inline(__always)
    private mutating func evaluateKeywords(
        _ id: NodeID,
        _ node: SchemaNode,
        _ instance: JSONValue,
        _ local: inout EvaluatedSet?
    ) -> Bool {
        var valid = true
        if !node.types.isEmpty,
            !Evaluator.matches(node.types, instance, integralDoubles: node.integralDoublesAreIntegers)
        {
            fail(id, "type", "\(Messages.render(instance)) is not of type \(Messages.alternatives(node.types.names))")
            guard Sink.collects else { return false }
            valid = false
        }
        if !node.anyType.isEmpty {
            for index in node.anyType.range where !evaluateAnyType(index, id, instance, &local) {
                guard Sink.collects else { return false }
                valid = false
            }
        }
        switch instance {
        case .object(let object):
            if !node.objectKeywords.isEmpty, !evaluateObject(node.objectKeywords, id, object, &local) {
                valid = false
            }
        case .array(let elements):
            if !node.arrayKeywords.isEmpty, !evaluateArray(node.arrayKeywords, id, elements, &local) {
                valid = false
            }
        case .string(let string):
            if !node.stringKeywords.isEmpty, !evaluateString(node.stringKeywords, id, string) {
                valid = false
            }
        case .integer, .double:
            if !node.numberKeywords.isEmpty, !evaluateNumber(node.numberKeywords, id, instance) {
                valid = false
            }
        case .null, .bool:
            break
        }
        return valid
    }

    /// Whether `instance` has one of `types`.
    ///
    /// An integer-valued double is an integer, except in draft 4 where only a number written without a fraction is
    /// (beyond 2^63 any whole double is, since the parser keeps such integers as doubles).
    @inline(__always)
    static func matches(_ types: TypeSet, _ instance: JSONValue, integralDoubles: Bool) -> Bool {
        switch instance {
        case .null: return types.contains(.null)
        case .bool: return types.contains(.boolean)
        case .integer: return types.contains(.number) || types.contains(.integer)
        case .double(let value):
            if types.contains(.number) { return true }
            guard types.contains(.integer), value.isFinite, value.rounded(.towardZero) == value else { return false }
            return integralDoubles || abs(value) >= 9_223_372_036_854_775_808.0
        case .string: return types.contains(.string)
        case .array: return types.contains(.array)
        case .object: return types.contains(.object)
        }
    }

    // MARK: - Recording

    /// Records a failure of `keyword` at node `id`; the message is only built when collecting.
    @inline(__always)
    mutating func fail(_ id: NodeID, _ keyword: String, _ message: @autoclosure () -> String, property: String? = nil) {
        if Sink.collects {
            sink.record(node: id, keyword: keyword, message: message(), property: property)
        }
    }

    /// Evaluates `child` against `instance` with `tokens` pushed on the evaluation path.
    @inline(__always)
    mutating func apply(
        _ child: NodeID,
        to instance: JSONValue,
        keyword: @autoclosure () -> String,
        _ second: @autoclosure () -> String? = nil,
        evaluated: inout EvaluatedSet?
    ) -> Bool {
        var hasArgument = false
        if Sink.collects {
            let argument = second()
            hasArgument = argument != nil
            sink.pushKeyword(keyword(), argument: argument)
        }
        let valid = evaluate(child, instance, &evaluated)
        if Sink.collects { sink.popKeyword(argument: hasArgument) }
        return valid
    }

    /// Evaluates `child` against a member or item of the current instance.
    @inline(__always)
    mutating func applyToChild(
        _ child: NodeID,
        _ value: JSONValue,
        keyword: @autoclosure () -> String,
        _ second: @autoclosure () -> String? = nil,
        instanceToken: @autoclosure () -> String
    ) -> Bool {
        if Sink.collects { sink.pushInstance(instanceToken()) }
        var none: EvaluatedSet? = nil
        let valid = apply(child, to: value, keyword: keyword(), second(), evaluated: &none)
        if Sink.collects { sink.popInstance() }
        return valid
    }

    /// Whether node `id` is the boolean schema `false`.
    @inline(__always)
    func isFalse(_ id: NodeID) -> Bool {
        schema.nodes[Int(id)].kind == .alwaysInvalid
    }
}

extension EvaluatedSet {
    /// An empty set sized for `instance`'s members or items.
    init(for instance: JSONValue) {
        switch instance {
        case .object(let object): self.init(count: object.count)
        case .array(let elements): self.init(count: elements.count)
        default: self.init(count: 0)
        }
    }
}
