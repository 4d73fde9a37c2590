import BERSJSON

/// `properties`, `patternProperties`, `additionalProperties` and `required` of one schema,
/// applied in a single pass over the instance's members.
struct ObjectTable: Sendable {
    /// A `patternProperties` entry.
    struct PatternEntry: Sendable {
        /// Index in ``CompiledSchema/patterns``.
        var pattern: Int32
        var node: NodeID
    }

    var properties: PropertyTable
    var patterns: [PatternEntry]
    /// `additionalProperties`, or `-1`.
    var additional: NodeID
    /// Whether `additionalProperties` is the schema `false` (reported without evaluating it).
    var additionalIsFalse: Bool
    /// The `required` names, in the order written.
    var requiredNames: [String]
}

/// `prefixItems` + `items` (2020-12) or `items` + `additionalItems` (earlier drafts).
struct ArrayItems: Sendable {
    /// Schemas for the first elements, one each.
    var prefix: Span
    /// The schema for the remaining elements, or `-1`.
    var rest: NodeID
    /// How the two keywords are spelt, for error locations.
    var prefixKeyword: String
    var restKeyword: String
}

/// `contains` with `minContains` and `maxContains`.
struct ContainsRule: Sendable {
    var node: NodeID
    var minimum: Int
    /// `Int.max` when there is no `maxContains`.
    var maximum: Int
    /// Whether matched elements count as evaluated for `unevaluatedItems` (2020-12).
    var annotatesItems: Bool
}

/// A `pattern` or `patternProperties` key, compiled.
struct CompiledPattern: Sendable {
    var source: String
    var regex: ECMARegex
    /// A pattern that is a plain `^literal` prefix test, checked without the regex engine.
    var literalPrefix: String?
}

/// A `format` assertion.
struct FormatRule: Sendable {
    var name: String
    var check: @Sendable (String) -> Bool
}

/// A `$dynamicRef` whose target is chosen at run time.
struct DynamicReference: Sendable {
    /// The target when no resource in the dynamic scope has the anchor.
    var target: NodeID
    /// The `$dynamicAnchor` name looked up in the dynamic scope.
    var anchor: String
}

/// The values of an `enum`, with a hash index once there are many.
///
/// The index uses `JSONValue`'s hashing, which is consistent with its (canonical-equivalence)
/// equality, to find candidates; ``JSONEquality`` decides.
struct EnumSet: Sendable {
    let values: [JSONValue]
    private let index: [JSONValue: [Int]]?

    init(_ values: [JSONValue]) {
        self.values = values
        guard values.count > 8 else {
            index = nil
            return
        }
        var index: [JSONValue: [Int]] = [:]
        for (offset, value) in values.enumerated() { index[value, default: []].append(offset) }
        self.index = index
    }

    @inline(__always)
    func contains(_ value: JSONValue) -> Bool {
        if let index {
            guard let candidates = index[value] else { return false }
            return candidates.contains { JSONEquality.equal(values[$0], value) }
        }
        for candidate in values where JSONEquality.equal(candidate, value) { return true }
        return false
    }
}

/// A schema resource (a document or a subschema with `$id`), as the dynamic scope sees it.
struct ResourceInfo: Sendable {
    /// The canonical URI, without fragment.
    var uri: String
    /// The compiled root of the resource, or `-1` when nothing needed it.
    var root: NodeID
    /// `$dynamicAnchor` names of the resource and their compiled schemas.
    var dynamicAnchors: [String: NodeID]
    /// Whether the root has `$recursiveAnchor: true` (2019-09).
    var recursiveAnchor: Bool
    /// Whether the URI is a real one (false for the internal default base).
    var hasAbsoluteURI: Bool
}
