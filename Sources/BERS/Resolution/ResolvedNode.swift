import BERSJSON

/// Which layer set a value, and which node of that layer's tape it is.
struct Origin: Sendable, Hashable {
    var layer: Int32
    var node: Int32
}

/// One value of a resolved configuration, in preorder: the merge's output.
///
/// Nodes hold no values: a scalar's value is read from the tape of the layer that set it, and a
/// container's value is built from its children on demand.
struct ResolvedNode: Sendable {
    /// The parent node, or -1 for the root.
    var parent: Int32
    /// Nodes in the subtree rooted here, itself included: the next sibling is `node + size`.
    var size: Int32
    /// The layer that set it (for merged containers, the highest layer that has it).
    var origin: Origin
    /// The values it replaced, in the shared overridden list, most recent first.
    var overriddenStart: Int32
    var overriddenCount: Int32
    /// What it holds.
    var kind: JSONTape.Kind
    /// A scalar's bits, copied from its tape node so that typed lookups read only this table.
    var payload: UInt64
    /// A boolean's value.
    var flag: Bool
    /// Elements of an array or members of an object.
    var count: Int32
    /// Whether this container combines members or elements of several layers.
    var isMerged: Bool
}
