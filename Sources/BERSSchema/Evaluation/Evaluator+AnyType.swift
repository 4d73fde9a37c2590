import BERSJSON

extension Evaluator {
    /// Keywords that apply to every instance type: references, combinators, `enum`, `const`.
    mutating func evaluateAnyType(
        _ index: Int,
        _ id: NodeID,
        _ instance: JSONValue,
        _ evaluated: inout EvaluatedSet?
    ) -> Bool {
        switch schema.keywords[index] {
        case .ref(let target):
            let name = Sink.collects ? schema.keywordNames[index] : ""
            return apply(target, to: instance, keyword: name, evaluated: &evaluated)
        case .dynamicRef(let reference):
            let target = dynamicTarget(schema.dynamicRefs[Int(reference)])
            return apply(target, to: instance, keyword: "$dynamicRef", evaluated: &evaluated)
        case .recursiveRef(let initial):
            return apply(recursiveTarget(initial), to: instance, keyword: "$recursiveRef", evaluated: &evaluated)
        case .allOf(let span):
            var valid = true
            for offset in 0..<Int(span.count) {
                let child = schema.nodeLists[Int(span.start) + offset]
                if !apply(child, to: instance, keyword: "allOf", String(offset), evaluated: &evaluated) {
                    guard Sink.collects else { return false }
                    valid = false
                }
            }
            return valid
        case .anyOf(let span):
            return evaluateAnyOf(span, id, instance, &evaluated)
        case .oneOf(let span):
            return evaluateOneOf(span, id, instance, &evaluated)
        case .not(let child):
            let mark = sink.mark
            var none: EvaluatedSet? = nil
            let childValid = apply(child, to: instance, keyword: "not", evaluated: &none)
            sink.discard(from: mark)
            if childValid {
                fail(id, "not", "\(Messages.render(instance)) is valid against the schema in \"not\", which forbids it")
                return false
            }
            return true
        case .conditional(let condition, let then, let otherwise):
            return evaluateConditional(condition, then, otherwise, instance, &evaluated)
        case .enumeration(let enumIndex):
            if case .string(let string) = instance {
                if schema.find(string, in: schema.enums[Int(enumIndex)].strings) >= 0 { return true }
            } else if schema.enums[Int(enumIndex)].containsNonString(instance) {
                return true
            }
            let values = schema.enums[Int(enumIndex)].values
            fail(id, "enum", Evaluator.enumMessage(instance, values))
            return false
        case .constant(let constantIndex):
            let constant = schema.constants[Int(constantIndex)]
            if JSONEquality.equal(constant, instance) { return true }
            fail(id, "const", "\(Messages.render(instance)) does not equal the constant \(Messages.render(constant))")
            return false
        default:
            return true
        }
    }

    private mutating func evaluateAnyOf(
        _ span: Span,
        _ id: NodeID,
        _ instance: JSONValue,
        _ evaluated: inout EvaluatedSet?
    ) -> Bool {
        let mark = sink.mark
        var matched = false
        for offset in 0..<Int(span.count) {
            let child = schema.nodeLists[Int(span.start) + offset]
            var branch: EvaluatedSet? = evaluated == nil ? nil : EvaluatedSet(for: instance)
            if apply(child, to: instance, keyword: "anyOf", String(offset), evaluated: &branch) {
                matched = true
                guard let branch else { break }
                evaluated?.formUnion(branch)
            }
        }
        if matched {
            sink.discard(from: mark)
            return true
        }
        if Sink.collects {
            sink.wrap(
                from: mark,
                node: id,
                keyword: "anyOf",
                message: "\(Messages.render(instance)) is not valid against any of the schemas in \"anyOf\""
            )
        }
        return false
    }

    private mutating func evaluateOneOf(
        _ span: Span,
        _ id: NodeID,
        _ instance: JSONValue,
        _ evaluated: inout EvaluatedSet?
    ) -> Bool {
        let mark = sink.mark
        var matches: [Int] = []
        var matchedSet: EvaluatedSet?
        for offset in 0..<Int(span.count) {
            let child = schema.nodeLists[Int(span.start) + offset]
            var branch: EvaluatedSet? = evaluated == nil ? nil : EvaluatedSet(for: instance)
            if apply(child, to: instance, keyword: "oneOf", String(offset), evaluated: &branch) {
                matches.append(offset)
                matchedSet = branch
                if matches.count > 1 && !Sink.collects { return false }
            }
        }
        if matches.count == 1 {
            sink.discard(from: mark)
            if let matchedSet { evaluated?.formUnion(matchedSet) }
            return true
        }
        if matches.isEmpty {
            if Sink.collects {
                sink.wrap(
                    from: mark,
                    node: id,
                    keyword: "oneOf",
                    message: "\(Messages.render(instance)) is not valid against any of the schemas in \"oneOf\""
                )
            }
            return false
        }
        sink.discard(from: mark)
        fail(
            id,
            "oneOf",
            "\(Messages.render(instance)) is valid against more than one schema in \"oneOf\" (\(matches.map(String.init).joined(separator: ", ")))"
        )
        return false
    }

    private mutating func evaluateConditional(
        _ condition: NodeID,
        _ then: NodeID,
        _ otherwise: NodeID,
        _ instance: JSONValue,
        _ evaluated: inout EvaluatedSet?
    ) -> Bool {
        guard then >= 0 || otherwise >= 0 || evaluated != nil else { return true }
        let mark = sink.mark
        var conditionSet: EvaluatedSet? = evaluated == nil ? nil : EvaluatedSet(for: instance)
        let conditionHolds = apply(condition, to: instance, keyword: "if", evaluated: &conditionSet)
        sink.discard(from: mark)
        if conditionHolds {
            if let conditionSet { evaluated?.formUnion(conditionSet) }
            guard then >= 0 else { return true }
            return apply(then, to: instance, keyword: "then", evaluated: &evaluated)
        }
        guard otherwise >= 0 else { return true }
        return apply(otherwise, to: instance, keyword: "else", evaluated: &evaluated)
    }

    private static func enumMessage(_ instance: JSONValue, _ values: [JSONValue]) -> String {
        let shown = values.prefix(10).map(Messages.render).joined(separator: ", ")
        let more = values.count > 10 ? ", … (\(values.count) values)" : ""
        return "\(Messages.render(instance)) is not one of \(shown)\(more)"
    }

    // MARK: - Dynamic references

    /// The target of a `$dynamicRef`: the outermost resource in the dynamic scope that defines
    /// the anchor, else the static target.
    private func dynamicTarget(_ reference: DynamicReference) -> NodeID {
        for resource in scope {
            if let target = schema.resources[Int(resource)].dynamicAnchors[reference.anchor] { return target }
        }
        return reference.target
    }

    /// The target of a `$recursiveRef`: when the initial target has `$recursiveAnchor: true`, the
    /// outermost resource of the innermost unbroken run of such resources in the dynamic scope.
    private func recursiveTarget(_ initial: NodeID) -> NodeID {
        let initialResource = schema.nodes[Int(initial)].resource
        guard schema.resources[Int(initialResource)].recursiveAnchor,
            schema.resources[Int(initialResource)].root == initial
        else { return initial }
        var target = initial
        for resource in scope.reversed() {
            let info = schema.resources[Int(resource)]
            guard info.recursiveAnchor, info.root >= 0 else { break }
            target = info.root
        }
        return target
    }
}
