import BERSJSON

/// Merges layers into one value while recording, for every resulting node, the layer and
/// position it came from and the values it replaced.
///
/// Rules: where every layer that has a path holds an object, the objects merge key by key, keeping
/// the lowest layer's key order and appending new keys; otherwise the highest layer's value
/// replaces the others, except for arrays whose path has an append, unique or merge-by-key
/// strategy. All layers are walked in one pass, so each value is visited once.
struct LayerMerger {
    private struct Contributor {
        var layer: Int32
        var node: Int32
        var value: JSONValue
    }

    let layers: [Layer]
    /// Each layer's subtree sizes, kept apart so that the walk never copies a whole `Layer`.
    private let sizes: [[UInt32]]
    let strategies: [JSONPointer: MergeStrategy]
    private(set) var nodes: [ResolvedNode] = []
    /// Dotted paths of the nodes, filled as nodes are added.
    let index: PathIndex
    private(set) var overridden: [OverriddenValue] = []
    private var stack: [Contributor] = []
    private var path: [String] = []

    init(layers: [Layer], strategies: [JSONPointer: MergeStrategy]) {
        self.layers = layers
        self.sizes = layers.map(\.sizes)
        self.strategies = strategies
        let largest = layers.reduce(0) { max($0, $1.sizes.first.map(Int.init) ?? 0) }
        nodes.reserveCapacity(largest * 3 / 2 + 8)
        index = PathIndex(capacity: largest * 3 / 2 + 8)
    }

    /// Runs the merge.
    ///
    /// - Throws: ``ConfigError`` `config.invalid-merge-strategy` when a merge-by-key array holds
    ///   something other than objects.
    mutating func merge() throws(ConfigError) -> JSONValue {
        stack.removeAll(keepingCapacity: true)
        for (index, layer) in layers.enumerated() {
            stack.append(Contributor(layer: Int32(index), node: 0, value: layer.document.value))
        }
        if stack.isEmpty { stack.append(Contributor(layer: -1, node: 0, value: .object([:]))) }
        let value = try emit(0..<stack.count, parent: -1, token: .key(""))
        if index.exceededLimit {
            throw ConfigError(
                .tooLarge,
                "the configuration's paths need more than \(PathIndex.byteLimit >> 20) MiB to index: keys are too long or nested too deeply"
            )
        }
        return value
    }

    private mutating func emit(_ range: Range<Int>, parent: Int32, token: PathToken) throws(ConfigError) -> JSONValue {
        guard let top = stack[range].last else { return .null }
        if range.count == 1 {
            walk(top.layer, Int(top.node), top.value, parent: parent, token: token)
            return top.value
        }
        switch top.value {
        case .object:
            return try emitObject(range, parent: parent, token: token)
        case .array where !strategies.isEmpty:
            if let strategy = strategies[JSONPointer(tokens: path)], strategy != .replace {
                return try emitArray(range, strategy: strategy, parent: parent, token: token)
            }
            fallthrough
        default:
            let node = appendNode(
                parent: parent,
                token: token,
                value: top.value,
                origin: top,
                overriding: range.dropLast()
            )
            emitChildren(of: top.value, layer: top.layer, node: Int(top.node), parent: node)
            return top.value
        }
    }

    private mutating func emitObject(_ range: Range<Int>, parent: Int32, token: PathToken) throws(ConfigError)
        -> JSONValue
    {
        // Objects merge down to the first layer (from the top) holding something else.
        var firstObject = range.upperBound - 1
        while firstObject > range.lowerBound, case .object = stack[firstObject - 1].value { firstObject -= 1 }
        let objects = firstObject..<range.upperBound
        let top = stack[range.upperBound - 1]
        let node = appendNode(
            parent: parent,
            token: token,
            value: .null,
            origin: top,
            overriding: range.lowerBound..<firstObject
        )
        if objects.count == 1 {
            emitChildren(of: top.value, layer: top.layer, node: Int(top.node), parent: node)
            nodes[Int(node)].value = top.value
            return top.value
        }
        nodes[Int(node)].isMerged = true

        // Keys of the lowest object first, then keys new in each higher one.
        var keys: [String] = []
        var seen: Set<String>?
        for index in objects {
            guard case .object(let object) = stack[index].value else { continue }
            if keys.isEmpty {
                keys = object.keys
                continue
            }
            for member in object {
                if seen == nil && keys.count > 16 { seen = Set(keys) }
                let isNew = seen.map { !$0.contains(member.key) } ?? !keys.contains(member.key)
                if isNew {
                    keys.append(member.key)
                    seen?.insert(member.key)
                }
            }
        }
        var members: [JSONObject.Member] = []
        members.reserveCapacity(keys.count)
        for key in keys {
            let start = stack.count
            for index in objects {
                let contributor = stack[index]
                guard case .object(let object) = contributor.value, let position = object.position(of: key) else {
                    continue
                }
                let child =
                    contributor.layer < 0
                    ? 0 : child(of: Int(contributor.node), at: position, in: Int(contributor.layer))
                stack.append(Contributor(layer: contributor.layer, node: Int32(child), value: object[position].value))
            }
            if !strategies.isEmpty { path.append(key) }
            let value = try emit(start..<stack.count, parent: node, token: .key(key))
            if !strategies.isEmpty { path.removeLast() }
            stack.removeSubrange(start...)
            members.append((key, value))
        }
        let value = JSONValue.object(JSONObject(uniqueMembers: members))
        nodes[Int(node)].value = value
        return value
    }

    private mutating func emitArray(
        _ range: Range<Int>,
        strategy: MergeStrategy,
        parent: Int32,
        token: PathToken
    ) throws(ConfigError) -> JSONValue {
        // Arrays combine down to the first layer (from the top) holding something else, or down to
        // a layer that replaces arrays whole (an override).
        var firstArray = range.upperBound - 1
        while firstArray > range.lowerBound, case .array = stack[firstArray - 1].value,
            !replacesArrays(stack[firstArray].layer)
        {
            firstArray -= 1
        }
        let top = stack[range.upperBound - 1]
        let node = appendNode(
            parent: parent,
            token: token,
            value: .null,
            origin: top,
            overriding: range.lowerBound..<firstArray
        )
        nodes[Int(node)].isMerged = firstArray < range.upperBound - 1

        // Each group becomes one element: its contributors, lowest first.
        var groups: [[Contributor]] = []
        var groupOfKey: [JSONValue: Int] = [:]
        for index in firstArray..<range.upperBound {
            let contributor = stack[index]
            guard case .array(let elements) = contributor.value else { continue }
            for (position, element) in elements.enumerated() {
                let child =
                    contributor.layer < 0
                    ? 0 : child(of: Int(contributor.node), at: position, in: Int(contributor.layer))
                let entry = Contributor(layer: contributor.layer, node: Int32(child), value: element)
                switch strategy {
                case .replace, .append:
                    groups.append([entry])
                case .unique:
                    if groupOfKey[element] == nil {
                        groupOfKey[element] = groups.count
                        groups.append([entry])
                    }
                case .mergeByKey(let field):
                    guard case .object(let object) = element, let key = object[field] else {
                        throw ConfigError(
                            .invalidMergeStrategy,
                            "\(JSONPointer(tokens: path).appending(index: position)): merge-by-key:\(field) needs objects with a \"\(field)\" member",
                            location: layers[Int(contributor.layer)].document.location(ofNode: child)
                        )
                    }
                    if let group = groupOfKey[key] {
                        groups[group].append(entry)
                    } else {
                        groupOfKey[key] = groups.count
                        groups.append([entry])
                    }
                }
            }
        }
        var elements: [JSONValue] = []
        elements.reserveCapacity(groups.count)
        for (index, group) in groups.enumerated() {
            let start = stack.count
            stack.append(contentsOf: group)
            path.append(String(index))
            elements.append(try emit(start..<stack.count, parent: node, token: .index(index)))
            path.removeLast()
            stack.removeSubrange(start...)
        }
        let value = JSONValue.array(elements)
        nodes[Int(node)].value = value
        return value
    }

    /// Records a subtree that only one layer has.
    private mutating func walk(_ layer: Int32, _ node: Int, _ value: JSONValue, parent: Int32, token: PathToken) {
        let index = appendNode(
            parent: parent,
            token: token,
            value: value,
            origin: Contributor(layer: layer, node: Int32(node), value: value),
            overriding: 0..<0
        )
        emitChildren(of: value, layer: layer, node: node, parent: index)
    }

    private mutating func emitChildren(of value: JSONValue, layer: Int32, node: Int, parent: Int32) {
        var child = node + 1
        switch value {
        case .object(let object):
            for member in object {
                walk(layer, child, member.value, parent: parent, token: .key(member.key))
                child += layer < 0 ? 1 : Int(sizes[Int(layer)][child])
            }
        case .array(let elements):
            for (position, element) in elements.enumerated() {
                walk(layer, child, element, parent: parent, token: .index(position))
                child += layer < 0 ? 1 : Int(sizes[Int(layer)][child])
            }
        default:
            break
        }
    }

    /// Whether `layer` replaces arrays whatever the merge strategy (variables and `--set`).
    private func replacesArrays(_ layer: Int32) -> Bool {
        guard layer >= 0 else { return false }
        let kind = layers[Int(layer)].source.kind
        return kind == .environmentVariable || kind == .commandLine
    }

    /// The node number of the child at `position` of the container at `node` in `layer`.
    @inline(__always)
    private func child(of node: Int, at position: Int, in layer: Int) -> Int {
        var child = node + 1
        var remaining = position
        while remaining > 0 {
            child += Int(sizes[layer][child])
            remaining -= 1
        }
        return child
    }

    private mutating func appendNode(
        parent: Int32,
        token: PathToken,
        value: JSONValue,
        origin: Contributor,
        overriding lower: Range<Int>
    ) -> Int32 {
        let start = Int32(overridden.count)
        for index in lower.reversed() {
            let replaced = stack[index]
            overridden.append(
                OverriddenValue(origin: Origin(layer: replaced.layer, node: replaced.node), value: replaced.value)
            )
        }
        index.append(parent: Int(parent), token: token)
        nodes.append(
            ResolvedNode(
                parent: parent,
                value: value,
                origin: Origin(layer: origin.layer, node: origin.node),
                overriddenStart: start,
                overriddenCount: Int32(overridden.count) - start,
                isMerged: false
            )
        )
        return Int32(nodes.count - 1)
    }
}
