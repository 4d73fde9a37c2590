import BERSJSON

/// A typed read of one leaf of a resolved configuration, by the accessor its value's type calls for
/// (`int`, `double`, `bool`, `string`, `array`, `object`, or `requireValue` for `null`).
struct LeafLookup: Sendable {
    /// The accessors, by the type of the leaf.
    enum Accessor: Sendable {
        case integer, number, boolean, string, array, object, value
    }

    /// The dotted path, or a JSON pointer when a key holds a `.` or `\`.
    let path: String
    /// The accessor to call.
    let accessor: Accessor

    /// The lookup of the leaf at `pointer` holding `value`; `nil` for the whole document.
    init?(pointer: JSONPointer, value: JSONValue) {
        guard !pointer.isRoot else { return nil }
        let plain =
            pointer.tokens.allSatisfy { !$0.contains(".") && !$0.contains("\\") }
            && pointer.tokens[0].utf8.first != UInt8(ascii: "/")
        path = plain ? pointer.dottedPath : pointer.description
        accessor =
            switch value {
            case .integer: .integer
            case .double: .number
            case .bool: .boolean
            case .string: .string
            case .array: .array
            case .object: .object
            case .null: .value
            }
    }

    /// Every leaf of `configuration` (scalars, arrays and empty objects), in document order.
    static func all(in configuration: ResolvedConfiguration) -> [LeafLookup] {
        configuration.leafProvenance().compactMap { LeafLookup(pointer: $0.pointer, value: $0.value) }
    }

    /// Reads the leaf, returning a number derived from it so that the read cannot be optimised away.
    @inline(never)
    func read(in configuration: ResolvedConfiguration) throws(ConfigError) -> Int {
        switch accessor {
        case .integer: try configuration.int(path)
        case .number: try configuration.double(path) < 0 ? 1 : 0
        case .boolean: try configuration.bool(path) ? 1 : 0
        case .string: try configuration.string(path).utf8.count
        case .array: try configuration.array(path).count
        case .object: try configuration.object(path).count
        case .value: try configuration.requireValue(at: path).isNull ? 0 : 1
        }
    }
}
