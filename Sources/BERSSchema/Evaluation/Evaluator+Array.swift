import BERSJSON

extension Evaluator {
    /// The array keywords of a node, in order (`unevaluatedItems` last).
    mutating func evaluateArray(
        _ span: Span,
        _ id: NodeID,
        _ elements: [JSONValue],
        _ evaluated: inout EvaluatedSet?
    ) -> Bool {
        var valid = true
        for index in span.range {
            let passed: Bool
            switch schema.keywords[index] {
            case .items(let itemsIndex):
                passed = evaluateItems(schema.arrayItems[Int(itemsIndex)], id, elements, &evaluated)
            case .contains(let ruleIndex):
                passed = evaluateContains(schema.containsRules[Int(ruleIndex)], id, elements, &evaluated)
            case .minItems(let minimum):
                passed = elements.count >= minimum
                if !passed {
                    fail(
                        id,
                        "minItems",
                        "the array has \(Messages.count(elements.count, "item", "items")), fewer than the minimum of \(minimum)"
                    )
                }
            case .maxItems(let maximum):
                passed = elements.count <= maximum
                if !passed {
                    fail(
                        id,
                        "maxItems",
                        "the array has \(Messages.count(elements.count, "item", "items")), more than the maximum of \(maximum)"
                    )
                }
            case .uniqueItems:
                passed = evaluateUniqueItems(id, elements)
            case .unevaluatedItems(let child):
                passed = evaluateUnevaluatedItems(child, id, elements, &evaluated)
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

    private mutating func evaluateItems(
        _ items: ArrayItems,
        _ id: NodeID,
        _ elements: [JSONValue],
        _ evaluated: inout EvaluatedSet?
    ) -> Bool {
        var valid = true
        let prefixCount = min(Int(items.prefix.count), elements.count)
        for offset in 0..<prefixCount {
            let child = schema.nodeLists[Int(items.prefix.start) + offset]
            if !applyToChild(
                child,
                elements[offset],
                keyword: items.prefixKeyword,
                String(offset),
                instanceToken: String(offset)
            ) {
                guard Sink.collects else { return false }
                valid = false
            }
        }
        if items.rest >= 0 && elements.count > prefixCount {
            let forbidden = isFalse(items.rest)
            for offset in prefixCount..<elements.count {
                if forbidden {
                    fail(
                        id,
                        items.restKeyword,
                        "the array has \(Messages.count(elements.count, "item", "items")); item \(offset) is not allowed (at most \(prefixCount))"
                    )
                    return false
                }
                if !applyToChild(
                    items.rest,
                    elements[offset],
                    keyword: items.restKeyword,
                    instanceToken: String(offset)
                ) {
                    guard Sink.collects else { return false }
                    valid = false
                }
            }
            evaluated?.insertAll()
        } else {
            evaluated?.insert(upTo: prefixCount)
        }
        return valid
    }

    private mutating func evaluateContains(
        _ rule: ContainsRule,
        _ id: NodeID,
        _ elements: [JSONValue],
        _ evaluated: inout EvaluatedSet?
    ) -> Bool {
        let annotate = rule.annotatesItems && evaluated != nil
        if rule.minimum == 0 && rule.maximum == Int.max && !annotate { return true }
        let stopEarly = !annotate && rule.maximum == Int.max
        var matches = 0
        for (offset, element) in elements.enumerated() {
            let mark = sink.mark
            if applyToChild(rule.node, element, keyword: "contains", instanceToken: String(offset)) {
                matches += 1
                if annotate { evaluated?.insert(offset) }
                if stopEarly && matches >= rule.minimum { break }
            }
            sink.discard(from: mark)
        }
        if matches < rule.minimum {
            let message =
                rule.minimum == 1
                ? "the array contains no item valid against the schema in \"contains\""
                : "the array contains \(Messages.count(matches, "item", "items")) valid against \"contains\", fewer than the minimum of \(rule.minimum)"
            fail(id, rule.minimum == 1 ? "contains" : "minContains", message)
            return false
        }
        if matches > rule.maximum {
            fail(
                id,
                "maxContains",
                "the array contains \(Messages.count(matches, "item", "items")) valid against \"contains\", more than the maximum of \(rule.maximum)"
            )
            return false
        }
        return true
    }

    private mutating func evaluateUniqueItems(_ id: NodeID, _ elements: [JSONValue]) -> Bool {
        guard elements.count > 1 else { return true }
        if elements.count <= 32 {
            // Pairwise on fingerprints (one pass over the items), full comparison only when two
            // fingerprints agree.
            let duplicate = withUnsafeTemporaryAllocation(of: UInt64.self, capacity: elements.count) { prints in
                for offset in elements.indices { prints[offset] = JSONEquality.fingerprint(elements[offset]) }
                for first in 0..<elements.count - 1 {
                    for second in (first + 1)..<elements.count where prints[first] == prints[second] {
                        if JSONEquality.equal(elements[first], elements[second]) {
                            return (first, second) as (Int, Int)?
                        }
                    }
                }
                return nil as (Int, Int)?
            }
            guard let (first, second) = duplicate else { return true }
            fail(id, "uniqueItems", "items \(first) and \(second) are equal, but items must be unique")
            return false
        }
        // Hashing is consistent with `JSONValue ==`, which is coarser than JSON Schema equality:
        // it finds the candidates, JSONEquality decides. O(n) for distinct items.
        var seen = [JSONValue: [Int]](minimumCapacity: elements.count)
        for (offset, element) in elements.enumerated() {
            if let earlier = seen[element]?.first(where: { JSONEquality.equal(elements[$0], element) }) {
                fail(id, "uniqueItems", "items \(earlier) and \(offset) are equal, but items must be unique")
                return false
            }
            seen[element, default: []].append(offset)
        }
        return true
    }

    private mutating func evaluateUnevaluatedItems(
        _ child: NodeID,
        _ id: NodeID,
        _ elements: [JSONValue],
        _ evaluated: inout EvaluatedSet?
    ) -> Bool {
        var valid = true
        let forbidden = isFalse(child)
        for offset in elements.indices where evaluated?.contains(offset) != true {
            if forbidden {
                fail(id, "unevaluatedItems", "unevaluated item \(offset) is not allowed")
                guard Sink.collects else { return false }
                valid = false
            } else if !applyToChild(child, elements[offset], keyword: "unevaluatedItems", instanceToken: String(offset))
            {
                guard Sink.collects else { return false }
                valid = false
            }
        }
        evaluated?.insertAll()
        return valid
    }
}
