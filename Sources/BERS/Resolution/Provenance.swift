import BERSJSON

/// Where a value was set: the layer and, for file layers, the `file:line:col` of the value.
public struct ValueSource: Sendable, Hashable {
    /// The layer.
    public var layer: LayerSource
    /// The position of the value in the layer's file, when it came from a file.
    public var location: SourceLocation?
    /// The value this layer gave.
    public var value: JSONValue

    /// A source with these fields.
    public init(layer: LayerSource, location: SourceLocation?, value: JSONValue) {
        self.layer = layer
        self.location = location
        self.value = value
    }
}

extension ValueSource: CustomStringConvertible {
    /// `config/production.json:14:17`, `env BERS__API__TIMEOUT` or `--set api.timeout`.
    public var description: String {
        if let location { return location.description }
        return layer.description
    }
}

/// The full story of one resolved value: what it is, who set it, and what it replaced.
public struct Provenance: Sendable, Hashable {
    /// Where the value is.
    public var pointer: JSONPointer
    /// The resolved value.
    public var value: JSONValue
    /// The layer that set it (for a merged object, the highest layer contributing to it).
    public var source: ValueSource
    /// The values it replaced, most recent first.
    public var overrode: [ValueSource]
    /// Whether the value is an object combining members of several layers.
    public var isMerged: Bool

    /// A provenance with these fields.
    public init(pointer: JSONPointer, value: JSONValue, source: ValueSource, overrode: [ValueSource], isMerged: Bool) {
        self.pointer = pointer
        self.value = value
        self.source = source
        self.overrode = overrode
        self.isMerged = isMerged
    }
}
