import BERSJSON

/// Merges layer tapes into one preorder table of ``ResolvedNode``s, recording for every node the
/// layer and tape node it came from and the values it replaced.
///
/// Rules: where every layer that has a path holds an object, the objects merge key by key, keeping
/// the lowest layer's key order and appending new keys; otherwise the highest layer's value
/// replaces the others, except for arrays whose path has an append, unique or merge-by-key
/// strategy. All layers are walked in one pass and no value is built: the output refers to the
/// layers' tapes (see ARCHITECTURE.md, "The merge").
struct LayerMerger {
    /// A value that takes part in the merge of one node, and the group (key) it belongs to while
    /// an object's members are being grouped.
    struct Contributor {
        var origin: Origin
        var group: Int32
    }

    /// The layers, lowest first (one empty layer when there is none).
    let layers: [Layer]
    /// The layers' tapes, read in place.
    private let views: [TapeView]
    let strategies: [JSONPointer: MergeStrategy]
    private(set) var nodes: [ResolvedNode] = []
    /// Dotted paths of the nodes, filled as nodes are added.
    let index: PathIndex
    /// Replaced values, referred to by ``ResolvedNode/overriddenStart``.
    private(set) var overridden: [Origin] = []
    /// The contributors of the nodes being merged, grouped by node.
    private var stack: [Contributor] = []
    /// The path of the node being merged, kept only when there are strategies to look up.
    private var path: [String] = []
    /// Scratch space for grouping an object's members by key.
    private var grouping = KeyGrouping()

    init(layers: [Layer], strategies: [JSONPointer: MergeStrategy]) {
        self.layers = layers.isEmpty ? [Layer.empty] : layers
        self.views = self.layers.map { TapeView($0.tape) }
        self.strategies = strategies
        let largest = self.layers.reduce(0) { max($0, $1.tape.count) }
        nodes.reserveCapacity(largest * 3 / 2 + 8)
        index = PathIndex(capacity: largest * 3 / 2 + 8)
    }

    /// Runs the merge.
    ///
    /// - Throws: ``ConfigError`` `config.invalid-merge-strategy` when a merge-by-key array holds
    ///   something other than objects; `config.too-large` when the paths cannot be indexed.
    mutating func merge() throws(ConfigError) {
        stack.removeAll(keepingCapacity: true)
        for layer in layers.indices {
            stack.append(Contributor(origin: Origin(layer: Int32(layer), node: 0), group: 0))
        }
        try emit(0..<stack.count, parent: -1, token: .root)
        if index.exceededLimit {
            throw ConfigError(
                .tooLarge,
                "the configuration's paths need more than \(PathIndex.byteLimit >> 20) MiB to index: keys are too long or nested too deeply"
            )
        }
    }

    /// How a node hangs from its parent.
    private enum Token {
        case root
        /// A member, whose key is that of this tape node.
        case member(Origin)
        case element(Int)
    }

    @inline(__always)
    private func entry(_ origin: Origin) -> JSONTape.Node {
        views[Int(origin.layer)].nodes[Int(origin.node)]
    }

    private mutating func emit(_ range: Range<Int>, parent: Int32, token: Token) throws(ConfigError) {
        let top = stack[range.upperBound - 1].origin
        if range.count == 1 {
            walk(top, parent: parent, token: token)
            return
        }
        switch entry(top).kind {
        case .object:
            try emitObject(range, parent: parent, token: token)
        case .array where !strategies.isEmpty:
            if let strategy = strategies[JSONPointer(tokens: path)], strategy != .replace {
                try emitArray(range, strategy: strategy, parent: parent, token: token)
                return
            }
            emitReplacement(range, parent: parent, token: token)
        default:
            emitReplacement(range, parent: parent, token: token)
        }
    }

    /// The highest contributor replaces the others whole.
    private mutating func emitReplacement(_ range: Range<Int>, parent: Int32, token: Token) {
        let top = stack[range.upperBound - 1].origin
        let node = appendNode(parent: parent, token: token, origin: top, overriding: range.dropLast())
        walkChildren(of: top, parent: node)
        finish(node)
    }

    private mutating func emitObject(_ range: Range<Int>, parent: Int32, token: Token) throws(ConfigError) {
        // Objects merge down to the first layer (from the top) holding something else.
        var firstObject = range.upperBound - 1
        while firstObject > range.lowerBound, entry(stack[firstObject - 1].origin).kind == .object { firstObject -= 1 }
        let top = stack[range.upperBound - 1].origin
        let node = appendNode(parent: parent, token: token, origin: top, overriding: range.lowerBound..<firstObject)
        if firstObject == range.upperBound - 1 {
            walkChildren(of: top, parent: node)
            finish(node)
            return
        }
        nodes[Int(node)].isMerged = true
        let groups = stack.count
        let keyCount = groupMembers(of: firstObject..<range.upperBound)
        nodes[Int(node)].count = Int32(keyCount)
        var start = groups
        while start < stack.count {
            let group = stack[start].group
            var end = start + 1
            while end < stack.count, stack[end].group == group { end += 1 }
            let member = stack[end - 1].origin
            if !strategies.isEmpty {
                path.append(String(decoding: views[Int(member.layer)].key(of: member.node), as: UTF8.self))
            }
            try emit(start..<end, parent: node, token: .member(member))
            if !strategies.isEmpty { path.removeLast() }
            start = end
        }
        stack.removeSubrange(groups...)
        finish(node)
    }

    /// Pushes the members of the objects at `objects` on the stack, grouped by key (groups in
    /// the lowest layer's key order, then new keys; members of a group lowest layer first), and
    /// returns the number of keys.
    private mutating func groupMembers(of objects: Range<Int>) -> Int {
        var total = 0
        for contributor in objects { total += Int(entry(stack[contributor].origin).count) }
        grouping.start(expecting: total)
        for contributor in objects {
            let object = stack[contributor].origin
            let view = views[Int(object.layer)]
            var child = object.node + 1
            for _ in 0..<view.nodes[Int(object.node)].count {
                grouping.add(Origin(layer: object.layer, node: child), key: view.key(of: child), views: views)
                child += Int32(view.nodes[Int(child)].size)
            }
        }
        grouping.sortMembers(into: &stack)
        return grouping.keyCount
    }

    private mutating func emitArray(
        _ range: Range<Int>,
        strategy: MergeStrategy,
        parent: Int32,
        token: Token
    ) throws(ConfigError) {
        // Arrays combine down to the first layer (from the top) holding something else, or down to
        // a layer that replaces arrays whole (an override).
        var firstArray = range.upperBound - 1
        while firstArray > range.lowerBound, entry(stack[firstArray - 1].origin).kind == .array,
            !replacesArrays(stack[firstArray].origin.layer)
        {
            firstArray -= 1
        }
        let top = stack[range.upperBound - 1].origin
        let node = appendNode(parent: parent, token: token, origin: top, overriding: range.lowerBound..<firstArray)
        nodes[Int(node)].isMerged = firstArray < range.upperBound - 1
        let groups = try ArrayGrouping.groups(
            of: stack[firstArray..<range.upperBound].map(\.origin),
            strategy: strategy,
            layers: layers,
            path: JSONPointer(tokens: path)
        )
        nodes[Int(node)].count = Int32(groups.count)
        for (position, group) in groups.enumerated() {
            let start = stack.count
            for origin in group { stack.append(Contributor(origin: origin, group: 0)) }
            path.append(String(position))
            try emit(start..<stack.count, parent: node, token: .element(position))
            path.removeLast()
            stack.removeSubrange(start...)
        }
        finish(node)
    }

    /// Records a subtree that only one layer has.
    private mutating func walk(_ origin: Origin, parent: Int32, token: Token) {
        let node = appendNode(parent: parent, token: token, origin: origin, overriding: 0..<0)
        walkChildren(of: origin, parent: node)
        finish(node)
    }

    private mutating func walkChildren(of origin: Origin, parent: Int32) {
        let view = views[Int(origin.layer)]
        let container = view.nodes[Int(origin.node)]
        guard container.isContainer else { return }
        let isObject = container.kind == .object
        var child = origin.node + 1
        for position in 0..<Int(container.count) {
            let member = Origin(layer: origin.layer, node: child)
            walk(member, parent: parent, token: isObject ? .member(member) : .element(position))
            child += Int32(view.nodes[Int(child)].size)
        }
    }

    /// Whether `layer` replaces arrays whatever the merge strategy (variables and `--set`).
    private func replacesArrays(_ layer: Int32) -> Bool {
        let kind = layers[Int(layer)].source.kind
        return kind == .environmentVariable || kind == .commandLine
    }

    private mutating func appendNode(
        parent: Int32,
        token: Token,
        origin: Origin,
        overriding lower: Range<Int>
    ) -> Int32 {
        let start = Int32(overridden.count)
        for replaced in lower.reversed() { overridden.append(stack[replaced].origin) }
        switch token {
        case .root:
            index.appendRoot()
        case .member(let member):
            index.append(parent: Int(parent), key: views[Int(member.layer)].key(of: member.node))
        case .element(let position):
            index.append(parent: Int(parent), index: position)
        }
        let source = entry(origin)
        nodes.append(
            ResolvedNode(
                parent: parent,
                size: 1,
                origin: origin,
                overriddenStart: start,
                overriddenCount: Int32(overridden.count) - start,
                kind: source.kind,
                payload: source.payload,
                flag: source.flag,
                count: Int32(source.count),
                isMerged: false
            )
        )
        return Int32(nodes.count - 1)
    }

    /// Records the size of `node`'s subtree, now that its children are all added.
    @inline(__always)
    private mutating func finish(_ node: Int32) {
        nodes[Int(node)].size = Int32(nodes.count) - node
    }
}
