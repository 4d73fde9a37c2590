/// A parsed document: its value and the source position of every value and key in it.
///
/// Positions are stored in preorder: the root is node 0, and the nodes of an array or object
/// follow it, each subtree contiguous, children in document order. ``JSONValue/nodeCount`` gives
/// the size of a subtree, so a walker can keep node numbers without any lookups.
public struct JSONDocument: Sendable {
    /// The parsed value.
    public let value: JSONValue
    /// The file the value came from, as the user named it.
    public let file: String
    /// Where each value starts, in preorder (one entry per node).
    public let valuePositions: [SourcePosition]
    /// Where the key of each object member starts, indexed like ``valuePositions`` by the node of
    /// the member's value; ``SourcePosition/unknown`` for the root and array elements.
    public let keyPositions: [SourcePosition]
    /// The number of nodes in the subtree of each node, in preorder (1 for scalars and empty
    /// containers); empty when positions are unknown.
    ///
    /// Lets a walker skip a subtree in one step.
    public let subtreeSizes: [UInt32]

    /// A document from its parts.
    ///
    /// `valuePositions`, `keyPositions` and `subtreeSizes` must have `value.nodeCount` entries each, or be empty when
    /// positions are unknown (`subtreeSizes` may also be empty alone).
    public init(
        value: JSONValue,
        file: String,
        valuePositions: [SourcePosition],
        keyPositions: [SourcePosition],
        subtreeSizes: [UInt32] = []
    ) {
        self.value = value
        self.file = file
        self.valuePositions = valuePositions
        self.keyPositions = keyPositions
        self.subtreeSizes = subtreeSizes
    }

    /// A document without positions, for values built in code.
    public init(value: JSONValue, file: String) {
        self.init(value: value, file: file, valuePositions: [], keyPositions: [])
    }

    /// The location of the value at `node` (a preorder number), if known.
    public func location(ofNode node: Int) -> SourceLocation? {
        guard valuePositions.indices.contains(node) else { return nil }
        return SourceLocation(file: file, position: valuePositions[node])
    }

    /// The location of the key whose value is `node`, if known.
    public func keyLocation(ofNode node: Int) -> SourceLocation? {
        guard keyPositions.indices.contains(node) else { return nil }
        return SourceLocation(file: file, position: keyPositions[node])
    }

    /// The preorder number of the value at `pointer`, if it exists.
    public func node(at pointer: JSONPointer) -> Int? {
        var node = 0
        var current = value
        for token in pointer.tokens {
            switch current {
            case .object(let object):
                guard let position = object.position(of: token) else { return nil }
                node += 1
                for earlier in object.prefix(position) { node += earlier.value.nodeCount }
                current = object[position].value
            case .array(let elements):
                guard let index = JSONPointer.arrayIndex(token), elements.indices.contains(index) else { return nil }
                node += 1
                for earlier in elements.prefix(index) { node += earlier.nodeCount }
                current = elements[index]
            default:
                return nil
            }
        }
        return node
    }

    /// The location of the value at `pointer`, if it exists and its position is known.
    public func location(of pointer: JSONPointer) -> SourceLocation? {
        node(at: pointer).flatMap(location(ofNode:))
    }

    /// The location of the key of the member at `pointer`, if known.
    public func keyLocation(of pointer: JSONPointer) -> SourceLocation? {
        node(at: pointer).flatMap(keyLocation(ofNode:))
    }

    /// The location of the deepest existing value on the way to `pointer`: where to point a
    /// reader at when `pointer` itself is missing (a required key, say).
    public func nearestLocation(of pointer: JSONPointer) -> SourceLocation? {
        var probe = pointer
        while true {
            if let location = location(of: probe) { return location }
            guard let parent = probe.parent else { return nil }
            probe = parent
        }
    }
}
