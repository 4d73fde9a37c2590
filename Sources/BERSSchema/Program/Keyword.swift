/// One compiled keyword.
///
/// Payloads are trivial (indices into ``CompiledSchema``'s side tables), so reading a keyword costs no reference
/// counting.
enum Keyword: Sendable {
    // MARK: any type
    /// `$ref`, or a `$dynamicRef` whose target cannot change.
    case ref(NodeID)
    /// `$dynamicRef` whose target depends on the dynamic scope (``CompiledSchema/dynamicRefs``).
    case dynamicRef(Int32)
    /// `$recursiveRef` (2019-09): the static target, replaced at run time when it has
    /// `$recursiveAnchor: true`.
    case recursiveRef(NodeID)
    case allOf(Span)
    case anyOf(Span)
    case oneOf(Span)
    case not(NodeID)
    /// `if` with its optional `then` and `else` (`-1` when absent).
    case conditional(condition: NodeID, then: NodeID, otherwise: NodeID)
    /// `enum` (``CompiledSchema/enums``).
    case enumeration(Int32)
    /// `const` (``CompiledSchema/constants``).
    case constant(Int32)

    // MARK: numbers
    case minimum(NumberBound)
    case maximum(NumberBound)
    case exclusiveMinimum(NumberBound)
    case exclusiveMaximum(NumberBound)
    case multipleOf(NumberBound)

    // MARK: strings
    case minLength(Int)
    case maxLength(Int)
    /// `pattern` (``CompiledSchema/patterns``).
    case pattern(Int32)
    /// `format` as an assertion (``CompiledSchema/formats``).
    case format(Int32)
    /// `contentEncoding`/`contentMediaType` as assertions (draft 7), ``ContentRule``.
    case content(ContentRule)

    // MARK: arrays
    /// `prefixItems`/`items`/`additionalItems` (``CompiledSchema/arrayItems``).
    case items(Int32)
    /// `contains` with `minContains`/`maxContains` (``CompiledSchema/containsRules``).
    case contains(Int32)
    case minItems(Int)
    case maxItems(Int)
    case uniqueItems
    case unevaluatedItems(NodeID)

    // MARK: objects
    /// `properties`, `patternProperties`, `additionalProperties` and `required` in one pass
    /// (``CompiledSchema/objectTables``).
    case members(Int32)
    case minProperties(Int)
    case maxProperties(Int)
    case propertyNames(NodeID)
    /// `dependentRequired` or the array form of `dependencies` (``CompiledSchema/dependentRequired``).
    case dependentRequired(Int32)
    /// `dependentSchemas` or the schema form of `dependencies` (``CompiledSchema/dependentSchemas``).
    case dependentSchemas(Int32)
    case unevaluatedProperties(NodeID)
}
