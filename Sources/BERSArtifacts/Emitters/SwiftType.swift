import BERSJSON

/// The Swift type of a configuration value, inferred from the values themselves.
///
/// Strings, booleans, integers (`Int`) and doubles map to their Swift types; an array's element
/// type unifies its elements' types (integers and doubles give `Double` when every integer is
/// exact as a double; `null`s make it optional; objects become a struct whose fields are the
/// union of their keys, optional where missing); an empty array is `[Never]` and `null` alone is
/// `Never?`. Anything that does not unify (`[1, "a"]`) becomes the generated `Value` enum, which
/// holds any JSON value exactly.
indirect enum SwiftType: Hashable {
    /// No value at all: the element type of an empty array.
    case nothing
    /// Only `null` was seen.
    case null
    case bool
    /// An integer exact as a double (|i| ≤ 2^53).
    case integer
    /// An integer beyond ±2^53 (still an exact `Int`, but not a `Double`).
    case largeInteger
    case double
    case string
    case optional(SwiftType)
    case array(SwiftType)
    /// A struct with these fields, in first-seen order.
    case record([Field])
    /// The generated `Value` enum.
    case value

    struct Field: Hashable {
        var key: String
        var type: SwiftType
    }

    /// The type of `value`.
    static func of(_ value: JSONValue) -> SwiftType {
        switch value {
        case .null: .null
        case .bool: .bool
        case .integer(let integer): integer.magnitude <= (1 << 53) ? .integer : .largeInteger
        case .double: .double
        case .string: .string
        case .array(let elements): .array(elements.reduce(SwiftType.nothing) { unify($0, of($1)) })
        case .object(let object): .record(object.map { Field(key: $0.key, type: of($0.value)) })
        }
    }

    /// The narrowest type holding values of both `a` and `b`.
    static func unify(_ a: SwiftType, _ b: SwiftType) -> SwiftType {
        if a == b { return a }
        switch (a, b) {
        case (.nothing, _): return b
        case (_, .nothing): return a
        case (.value, _), (_, .value): return .value
        case (.null, .optional), (.optional, .null): return a == .null ? b : a
        case (.null, _): return makeOptional(b)
        case (_, .null): return makeOptional(a)
        case (.optional(let x), .optional(let y)): return makeOptional(unify(x, y))
        case (.optional(let x), _): return makeOptional(unify(x, b))
        case (_, .optional(let y)): return makeOptional(unify(a, y))
        case (.integer, .double), (.double, .integer): return .double
        case (.integer, .largeInteger), (.largeInteger, .integer): return .largeInteger
        case (.array(let x), .array(let y)): return .array(unify(x, y))
        case (.record(let x), .record(let y)): return .record(merge(x, y))
        default: return .value
        }
    }

    private static func makeOptional(_ type: SwiftType) -> SwiftType {
        switch type {
        case .value, .optional, .null: type
        default: .optional(type)
        }
    }

    private static func merge(_ x: [Field], _ y: [Field]) -> [Field] {
        var fields: [Field] = []
        for field in x {
            if let other = y.first(where: { $0.key == field.key }) {
                fields.append(Field(key: field.key, type: unify(field.type, other.type)))
            } else {
                fields.append(Field(key: field.key, type: unify(field.type, .null)))
            }
        }
        for field in y where !x.contains(where: { $0.key == field.key }) {
            fields.append(Field(key: field.key, type: unify(field.type, .null)))
        }
        return fields
    }
}
