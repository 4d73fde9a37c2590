import BERSJSON

/// A ``SwiftType`` as written in code, with struct names resolved.
indirect enum SpelledType {
    case scalar(SwiftType, String)
    case optional(SpelledType)
    case array(SpelledType)
    case record(name: String, fields: [SpelledField])
    case value(root: String)

    var code: String {
        switch self {
        case .scalar(_, let code): code
        case .optional(let wrapped): wrapped.code + "?"
        case .array(let element): "[\(element.code)]"
        case .record(let name, _): name
        case .value(let root): "\(root).Value"
        }
    }
}

/// A field of a generated struct.
struct SpelledField {
    let key: String
    let identifier: SwiftIdentifier
    let type: SpelledType
}

/// Spells inferred types (declaring a struct for each object inside an array) and writes values
/// as Swift literals of those types.
struct SwiftTypeSpeller {
    let rootType: String
    let access: String
    /// Whether the `Value` enum was used (and must be declared).
    private(set) var usesValue = false

    /// The spelling of `type` for a member named after `hint`; structs it needs are declared in
    /// `writer`, at its current indentation, with names from `scope`.
    ///
    /// Structs declared inside another struct are named through it (`prefix` is `Outer.`).
    mutating func spell(
        _ type: SwiftType,
        hint: String,
        prefix: String = "",
        scope: inout SwiftScope,
        writer: inout CodeWriter
    ) throws(BuildError) -> SpelledType {
        switch type {
        case .nothing: return .scalar(type, "Swift.Never")
        case .null: return .scalar(type, "Swift.Never?")
        case .bool: return .scalar(type, "Swift.Bool")
        case .integer, .largeInteger: return .scalar(type, "Swift.Int")
        case .double: return .scalar(type, "Swift.Double")
        case .string: return .scalar(type, "Swift.String")
        case .value:
            usesValue = true
            return .value(root: rootType)
        case .optional(let wrapped):
            return .optional(try spell(wrapped, hint: hint, prefix: prefix, scope: &scope, writer: &writer))
        case .array(let element):
            return .array(try spell(element, hint: hint + "Element", prefix: prefix, scope: &scope, writer: &writer))
        case .record(let fields):
            let name = scope.typeName(for: hint)
            var inner = SwiftScope(reserved: [rootType])
            var spelled: [SpelledField] = []
            let access = self.access
            writer.line(
                "/// An element of `\(SwiftEmitter.docText(hint.hasSuffix("Element") ? String(hint.dropLast(7)) : hint))`."
            )
            try writer.block("\(access) struct \(name.code): Swift.Sendable, Swift.Hashable {") {
                (body: inout CodeWriter) throws(BuildError) in
                for field in fields {
                    let identifier = inner.identifier(for: field.key)
                    let fieldType = try spell(
                        field.type,
                        hint: field.key,
                        prefix: "\(prefix)\(name.code).",
                        scope: &inner,
                        writer: &body
                    )
                    spelled.append(SpelledField(key: field.key, identifier: identifier, type: fieldType))
                }
                for field in spelled {
                    if field.identifier.name != field.key { body.line("/// Key \(SwiftLiteral.string(field.key)).") }
                    body.line("\(access) let \(field.identifier.code): \(field.type.code)")
                }
            }
            writer.line("")
            return .record(name: prefix + name.code, fields: spelled)
        }
    }

    /// `value` as a literal of `type`, continuation lines indented from `indent`.
    func literal(_ value: JSONValue, _ type: SpelledType, indent: String) -> String {
        switch type {
        case .optional(let wrapped):
            return value.isNull ? "nil" : literal(value, wrapped, indent: indent)
        case .scalar:
            switch value {
            case .null: return "nil"
            case .bool(let bool): return bool ? "true" : "false"
            case .integer(let integer): return SwiftLiteral.integer(integer)
            case .double(let double): return SwiftLiteral.double(double)
            case .string(let text): return SwiftLiteral.string(text)
            default: return "nil"
            }
        case .array(let element):
            let items = (value.arrayValue ?? []).map { literal($0, element, indent: indent + "    ") }
            return Self.list(items, open: "[", close: "]", indent: indent)
        case .record(let name, let fields):
            let object = value.objectValue ?? JSONObject()
            let items = fields.map { field in
                "\(field.identifier.code): \(literal(object[field.key] ?? .null, field.type, indent: indent + "    "))"
            }
            return Self.list(items, open: "\(name)(", close: ")", indent: indent)
        case .value(let root):
            return valueLiteral(value, root: root, indent: indent)
        }
    }

    private func valueLiteral(_ value: JSONValue, root: String, indent: String) -> String {
        switch value {
        case .null: return ".null"
        case .bool(let bool): return ".bool(\(bool))"
        case .integer(let integer): return ".integer(\(SwiftLiteral.integer(integer)))"
        case .double(let double): return ".double(\(SwiftLiteral.double(double)))"
        case .string(let text): return ".string(\(SwiftLiteral.string(text)))"
        case .array(let elements):
            let items = elements.map { valueLiteral($0, root: root, indent: indent + "    ") }
            return ".array(" + Self.list(items, open: "[", close: "]", indent: indent) + ")"
        case .object(let object):
            let items = object.map { key, member in
                "\(root).Member(key: \(SwiftLiteral.string(key)), value: \(valueLiteral(member, root: root, indent: indent + "    ")))"
            }
            return ".object(" + Self.list(items, open: "[", close: "]", indent: indent) + ")"
        }
    }

    /// Items on one line when short, else one per line.
    static func list(_ items: [String], open: String, close: String, indent: String) -> String {
        if items.isEmpty { return open + close }
        let inline = open + items.joined(separator: ", ") + close
        if inline.count + indent.count <= 100 && !inline.contains("\n") { return inline }
        return open + "\n" + items.map { indent + "    " + $0 }.joined(separator: ",\n") + "\n" + indent + close
    }
}
