import BERSJSON

/// `properties`, `patternProperties`, `additionalProperties` and `required` of one schema, applied in a single pass
/// over the instance's members.
///
/// Trivially copyable.
struct ObjectTable: Sendable {
    /// A `patternProperties` entry.
    struct PatternEntry: Sendable {
        /// Index in ``CompiledSchema/patterns``.
        var pattern: Int32
        var node: NodeID
    }

    /// The names of `properties` and `required`, with their subschemas and required bits.
    var names: NameTable
    /// Span of ``CompiledSchema/patternEntries``.
    var patterns: Span
    /// `additionalProperties`, or `-1`.
    var additional: NodeID
    /// Whether `additionalProperties` is the schema `false` (reported without evaluating it).
    var additionalIsFalse: Bool
    /// Span of ``CompiledSchema/requiredNames``: the `required` names in the order written.
    var required: Span

    /// Whether the table has no `patternProperties` and at most 64 `required` names, so the
    /// fast path (a bit per required name, one lookup per member) covers it.
    var isSimple: Bool { patterns.isEmpty && required.count <= 64 }
}

/// `prefixItems` + `items` (2020-12) or `items` + `additionalItems` (earlier drafts).
struct ArrayItems: Sendable {
    /// Schemas for the first elements, one each.
    var prefix: Span
    /// The schema for the remaining elements, or `-1`.
    var rest: NodeID
    /// Whether the keywords are `items` (array form) and `additionalItems` (before 2020-12).
    var legacy: Bool

    var prefixKeyword: String { legacy ? "items" : "prefixItems" }
    var restKeyword: String { legacy ? "additionalItems" : "items" }
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
}

/// How a pattern is run: a plain `^literal` is a prefix test, anything else goes to the regex engine.
///
/// Trivially copyable.
struct PatternPlan: Sendable {
    /// For a literal prefix: its index in ``CompiledSchema/literalPrefixes``; `-1` otherwise.
    var literal: Int32
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

/// The values of an `enum`: strings in a ``NameTable`` (compared by bytes, so code points), other
/// values compared with ``JSONEquality``, through a hash index once there are many.
struct EnumSet: Sendable {
    let values: [JSONValue]
    /// The string values.
    let strings: NameTable
    /// The other values.
    private let others: [JSONValue]
    private let index: [JSONValue: [Int]]?

    init(_ values: [JSONValue], strings: NameTable) {
        self.values = values
        self.strings = strings
        others = values.filter { $0.stringValue == nil }
        guard others.count > 8 else {
            index = nil
            return
        }
        var index: [JSONValue: [Int]] = [:]
        for (offset, value) in others.enumerated() { index[value, default: []].append(offset) }
        self.index = index
    }

    /// Whether a non-string value is in the set.
    func containsNonString(_ value: JSONValue) -> Bool {
        if let index {
            guard let candidates = index[value] else { return false }
            return candidates.contains { JSONEquality.equal(others[$0], value) }
        }
        for candidate in others where JSONEquality.equal(candidate, value) { return true }
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
    /// The document and path of the resource's root (for locations relative to it).
    var document: Int32
    var rootPath: Int32
}
