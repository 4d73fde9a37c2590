import BERSJSON

/// Which layer set a value, and which node of that layer's document it is.
struct Origin: Sendable, Hashable {
    var layer: Int32
    var node: Int32
}

/// A value a layer replaced: where it came from and what it was.
struct OverriddenValue: Sendable {
    var origin: Origin
    var value: JSONValue
}

/// One value of a resolved configuration, in preorder.
struct ResolvedNode: Sendable {
    /// The parent node, or -1 for the root.
    var parent: Int32
    /// The resolved value (for containers, the whole resolved subtree).
    var value: JSONValue
    /// The layer that set it (for merged objects, the highest layer that has it).
    var origin: Origin
    /// The values it replaced, in the shared overridden list.
    var overriddenStart: Int32
    var overriddenCount: Int32
    /// Whether this object combines members of several layers.
    var isMerged: Bool
}
