import BERSJSON

/// Finds the object schemas that accept unknown keys, walking the schema along a configuration
/// (so only objects the configuration has are judged).
///
/// An object schema is closed when it, a local `$ref` it names or one of its `allOf` branches
/// says `additionalProperties` or `unevaluatedProperties` (a schema for extra keys is a
/// deliberate choice, `false` forbids them). A `$ref` to another file is not followed, and the
/// object is then given the benefit of the doubt. Of `anyOf` and `oneOf`, the branches that may
/// be objects apply to an object.
struct OpenSchemaWalker {
    /// One object schema that accepts unknown keys.
    struct OpenObject: Hashable {
        /// A configuration object it applies to.
        let instance: JSONPointer
        /// The schema, as a pointer into the schema document.
        let schema: JSONPointer
    }

    let schema: JSONValue
    private var found: [OpenObject] = []
    private var seen: Set<JSONPointer> = []

    init(schema: JSONValue) { self.schema = schema }

    /// The open object schemas met while walking `instance`, each once.
    static func openObjects(schema: JSONValue, instance: JSONValue) -> [OpenObject] {
        var walker = OpenSchemaWalker(schema: schema)
        walker.walk(schemaAt: .root, instance: instance, at: .root)
        return walker.found
    }

    private mutating func walk(schemaAt pointer: JSONPointer, instance: JSONValue, at location: JSONPointer) {
        guard let branches = applicable(pointer, for: instance, depth: 0) else { return }
        switch instance {
        case .object(let members):
            let closed = branches.contains { branch in
                schema[pointer: branch]?["additionalProperties"] != nil
                    || schema[pointer: branch]?["unevaluatedProperties"] != nil
            }
            // The branch to fix is the one that describes the object.
            let describing = branches.first { branch in
                schema[pointer: branch]?["properties"] != nil || schema[pointer: branch]?["type"] == "object"
            }
            if let describing, !closed, !seen.contains(describing) {
                seen.insert(describing)
                found.append(OpenObject(instance: location, schema: describing))
            }
            for (key, value) in members {
                guard let child = propertySchema(key, in: branches) else { continue }
                walk(schemaAt: child, instance: value, at: location.appending(key))
            }
        case .array(let elements):
            guard let items = branches.first(where: { schema[pointer: $0]?["items"]?.objectValue != nil }) else {
                return
            }
            for (index, element) in elements.enumerated() {
                walk(schemaAt: items.appending("items"), instance: element, at: location.appending(index: index))
            }
        default:
            return
        }
    }

    /// The schema and the local schemas it brings in by `$ref`, `allOf`, and the `anyOf` and
    /// `oneOf` branches that may hold `instance`; `nil` when a `$ref` leaves the document (nothing
    /// is judged then).
    private func applicable(_ pointer: JSONPointer, for instance: JSONValue, depth: Int) -> [JSONPointer]? {
        guard depth < 16, let node = schema[pointer: pointer], node.objectValue != nil else { return [] }
        var branches = [pointer]
        if case .string(let reference)? = node["$ref"] {
            guard reference.hasPrefix("#"), let target = try? JSONPointer(parsing: String(reference.dropFirst())),
                let more = applicable(target, for: instance, depth: depth + 1)
            else { return nil }
            branches += more
        }
        for keyword in ["allOf", "anyOf", "oneOf"] {
            guard case .array(let list)? = node[keyword] else { continue }
            for index in list.indices where keyword == "allOf" || Self.mayHold(instance, list[index]) {
                let branch = pointer.appending(keyword).appending(index: index)
                guard let more = applicable(branch, for: instance, depth: depth + 1) else { return nil }
                branches += more
            }
        }
        return branches
    }

    /// Whether a branch's `type` (when it has one) admits the instance's type.
    private static func mayHold(_ instance: JSONValue, _ branch: JSONValue) -> Bool {
        let name = instance.typeName == "integer" ? "number" : instance.typeName
        switch branch["type"] {
        case .string(let type)?: return type == name || (type == "integer" && name == "number")
        case .array(let types)?: return types.contains(.string(name))
        default: return true
        }
    }

    private func propertySchema(_ key: String, in branches: [JSONPointer]) -> JSONPointer? {
        for branch in branches where schema[pointer: branch]?["properties"]?[key] != nil {
            return branch.appending("properties").appending(key)
        }
        for branch in branches where schema[pointer: branch]?["additionalProperties"]?.objectValue != nil {
            return branch.appending("additionalProperties")
        }
        return nil
    }
}
