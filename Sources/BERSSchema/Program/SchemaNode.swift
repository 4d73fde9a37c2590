/// The index of a compiled schema in ``CompiledSchema/nodes``; `-1` means "none".
typealias NodeID = Int32

/// A run of entries in one of ``CompiledSchema``'s flat arrays.
struct Span: Sendable, Hashable {
    var start: Int32
    var count: Int32

    static let empty = Span(start: 0, count: 0)

    var range: Range<Int> { Range(uncheckedBounds: (Int(start), Int(start) &+ Int(count))) }
    var isEmpty: Bool { count == 0 }
}

/// The JSON types a `type` keyword allows, as bits.
struct TypeSet: OptionSet, Sendable, Hashable {
    let rawValue: UInt8

    static var null: TypeSet { TypeSet(rawValue: 1 << 0) }
    static var boolean: TypeSet { TypeSet(rawValue: 1 << 1) }
    static var integer: TypeSet { TypeSet(rawValue: 1 << 2) }
    static var number: TypeSet { TypeSet(rawValue: 1 << 3) }
    static var string: TypeSet { TypeSet(rawValue: 1 << 4) }
    static var array: TypeSet { TypeSet(rawValue: 1 << 5) }
    static var object: TypeSet { TypeSet(rawValue: 1 << 6) }

    /// The set named by a `type` string, or `nil` for an unknown name.
    init?(typeName: String) {
        switch typeName {
        case "null": self = .null
        case "boolean": self = .boolean
        case "integer": self = .integer
        case "number": self = .number
        case "string": self = .string
        case "array": self = .array
        case "object": self = .object
        default: return nil
        }
    }

    init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The names in the set, in the order JSON Schema lists them.
    var names: [String] {
        var names: [String] = []
        if contains(.null) { names.append("null") }
        if contains(.boolean) { names.append("boolean") }
        if contains(.integer) { names.append("integer") }
        if contains(.number) { names.append("number") }
        if contains(.string) { names.append("string") }
        if contains(.array) { names.append("array") }
        if contains(.object) { names.append("object") }
        return names
    }
}

/// One compiled schema: trivially copyable, its keywords in ``CompiledSchema/keywords`` grouped by
/// the instance type they apply to, so validation never looks at a keyword that cannot apply.
struct SchemaNode: Sendable {
    enum Kind: UInt8, Sendable {
        /// A schema with keywords (possibly none).
        case keywords
        /// The boolean schema `true`.
        case alwaysValid
        /// The boolean schema `false`.
        case alwaysInvalid
    }

    var kind: Kind
    /// The allowed types; empty when there is no `type` keyword.
    var types: TypeSet
    /// Whether the node has `unevaluatedProperties` or `unevaluatedItems`, and so needs to know
    /// what its other keywords evaluated.
    var tracksEvaluation: Bool
    /// Whether a scalar instance only meets `type` and the node's string or number keywords (no
    /// references, combinators, `enum` or `const`): validated inline, without a call.
    var isScalarLeaf: Bool
    /// For a schema whose only effect on an object is a simple member table (``ObjectTable/isSimple``)
    /// and that has no references, combinators or annotations to collect: that table, checked
    /// without going through the general evaluation; `-1` otherwise.
    var simpleObjectTable: Int32
    /// Whether an integer-valued double counts as an integer (false in draft 4).
    var integralDoublesAreIntegers: Bool
    /// The schema resource the node belongs to (``CompiledSchema/resources``).
    var resource: Int32
    /// Keywords for any instance type (references, combinators, `enum`, `const`).
    var anyType: Span
    var numberKeywords: Span
    var stringKeywords: Span
    var arrayKeywords: Span
    var objectKeywords: Span

    static func boolean(_ value: Bool, resource: Int32) -> SchemaNode {
        SchemaNode(
            kind: value ? .alwaysValid : .alwaysInvalid,
            types: [],
            tracksEvaluation: false,
            isScalarLeaf: false,
            simpleObjectTable: -1,
            integralDoublesAreIntegers: true,
            resource: resource,
            anyType: .empty,
            numberKeywords: .empty,
            stringKeywords: .empty,
            arrayKeywords: .empty,
            objectKeywords: .empty
        )
    }
}
