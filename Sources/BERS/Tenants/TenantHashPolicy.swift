/// The tenant hash shapes a project accepts (`tenants.hash-shapes` in `bers.json`).
public struct TenantHashPolicy: Sendable, Hashable {
    /// The accepted shapes.
    public var shapes: [TenantHashShape]

    /// A policy accepting these shapes.
    public init(shapes: [TenantHashShape]) { self.shapes = shapes }

    /// The two real shapes: legacy and 14 hex digits.
    public static let `default` = TenantHashPolicy(shapes: [.legacy, .hex14])
}
