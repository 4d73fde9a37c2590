extension SchemaCompiler {
    /// Rejects schemas whose evaluation would never end: a cycle of subschemas applied to the same instance location
    /// (`{"$ref": "#"}`, two definitions referring to each other, a schema in its own `allOf`).
    ///
    /// Cycles that descend into the instance (`{"items": {"$ref": "#"}}`) are fine: the instance is finite.
    /// `$dynamicRef` and `$recursiveRef` targets change at run time, so they are left to the evaluation depth limit.
    ///
    /// Iterative depth-first search over the in-place edges, so deep schemas are fine.
    func checkInPlaceCycles() throws(SchemaError) {
        let count = tables.nodes.count
        // 0 = unvisited, 1 = on the current path, 2 = done.
        var state = [UInt8](repeating: 0, count: count)
        for start in 0..<count where state[start] == 0 {
            try search(from: NodeID(start), state: &state)
        }
    }

    private func search(from root: NodeID, state: inout [UInt8]) throws(SchemaError) {
        var stack: [(node: NodeID, children: [NodeID], next: Int)] = []
        state[Int(root)] = 1
        stack.append((root, inPlaceChildren(of: root), 0))
        while !stack.isEmpty {
            let top = stack.count - 1
            if stack[top].next == stack[top].children.count {
                state[Int(stack[top].node)] = 2
                stack.removeLast()
                continue
            }
            let child = stack[top].children[stack[top].next]
            stack[top].next += 1
            switch state[Int(child)] {
            case 0:
                state[Int(child)] = 1
                stack.append((child, inPlaceChildren(of: child), 0))
            case 1:
                let location = absoluteURI(ofNode: child)
                throw SchemaError(
                    .referenceCycle,
                    "the schema at \(location) applies itself to the same value again through \(cycleDescription(stack, from: child)), so its evaluation would never end",
                    schemaURI: location
                )
            default:
                continue
            }
        }
    }

    /// The subschemas node `id` applies to the very value it is applied to.
    private func inPlaceChildren(of id: NodeID) -> [NodeID] {
        let node = tables.nodes[Int(id)]
        guard node.kind == .keywords else { return [] }
        var children: [NodeID] = []
        func addList(_ span: Span) {
            for index in span.range { children.append(tables.nodeLists[index]) }
        }
        for index in node.anyType.range {
            switch tables.keywords[index] {
            case .ref(let target): children.append(target)
            case .allOf(let span), .anyOf(let span), .oneOf(let span): addList(span)
            case .not(let child): children.append(child)
            case .conditional(let condition, let then, let otherwise):
                children.append(condition)
                if then >= 0 { children.append(then) }
                if otherwise >= 0 { children.append(otherwise) }
            default: continue
            }
        }
        for index in node.objectKeywords.range {
            if case .dependentSchemas(let dependencies) = tables.keywords[index] {
                children += tables.dependentSchemas[Int(dependencies)].map(\.node)
            }
        }
        return children
    }

    /// The keywords along the cycle, such as `$ref → allOf → $ref`.
    private func cycleDescription(_ stack: [(node: NodeID, children: [NodeID], next: Int)], from start: NodeID)
        -> String
    {
        guard let first = stack.firstIndex(where: { $0.node == start }) else { return "a reference" }
        let locations = stack[first...].map { absoluteURI(ofNode: $0.node) } + [absoluteURI(ofNode: start)]
        return locations.joined(separator: " → ")
    }
}
