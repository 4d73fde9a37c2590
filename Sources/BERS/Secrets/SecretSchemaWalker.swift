import BERSJSON
import BERSSchema

/// Walks a schema collecting the paths of subschemas marked secret (see ``SecretLocations``).
struct SecretSchemaWalker {
    let root: JSONValue
    let registry: SchemaRegistry
    private(set) var found: [[SecretLocations.Token]] = []
    /// The `$ref`s being followed on the current path: one met again is a recursive schema, not
    /// followed again.
    private var following: [String] = []

    /// The deepest path followed (recursive schemas through different refs stop here).
    private static let maximumDepth = 32

    init(root: JSONValue, registry: SchemaRegistry) {
        self.root = root
        self.registry = registry
    }

    mutating func walk(_ schema: JSONValue, root document: JSONValue, path: [SecretLocations.Token]) {
        guard case .object(let object) = schema, path.count <= Self.maximumDepth else { return }
        if object["writeOnly"] == .bool(true) || object["x-bers-secret"] == .bool(true) {
            if !found.contains(path) { found.append(path) }
            return
        }
        for keyword in ["properties"] {
            guard case .object(let properties)? = object[keyword] else { continue }
            for member in properties { walk(member.value, root: document, path: path + [.name(member.key)]) }
        }
        for keyword in [
            "additionalProperties", "items", "additionalItems", "unevaluatedProperties", "unevaluatedItems",
            "prefixItems",
        ] {
            if let sub = object[keyword] { walkSchemas(sub, root: document, path: path + [.any]) }
        }
        if case .object(let patterns)? = object["patternProperties"] {
            for member in patterns { walk(member.value, root: document, path: path + [.any]) }
        }
        if case .object(let dependents)? = object["dependentSchemas"] {
            for member in dependents { walk(member.value, root: document, path: path) }
        }
        for keyword in ["allOf", "anyOf", "oneOf", "then", "else"] {
            if let sub = object[keyword] { walkSchemas(sub, root: document, path: path) }
        }
        for keyword in ["$ref", "$dynamicRef", "$recursiveRef"] {
            if case .string(let reference)? = object[keyword] { follow(reference, root: document, path: path) }
        }
    }

    /// Walks a subschema, or each subschema of an array of them (`allOf`, tuple `items`).
    private mutating func walkSchemas(_ value: JSONValue, root document: JSONValue, path: [SecretLocations.Token]) {
        guard case .array(let schemas) = value else { return walk(value, root: document, path: path) }
        for schema in schemas { walk(schema, root: document, path: path) }
    }

    private mutating func follow(_ reference: String, root document: JSONValue, path: [SecretLocations.Token]) {
        guard !following.contains(reference) else { return }
        guard let (target, targetRoot) = resolve(reference, in: document) else { return }
        following.append(reference)
        walk(target, root: targetRoot, path: path)
        following.removeLast()
    }

    /// The subschema a reference names: a fragment pointer into the current document, or a
    /// registered document (by `$id`, or by file name relative to it) and a fragment in it.
    private func resolve(_ reference: String, in document: JSONValue) -> (JSONValue, JSONValue)? {
        let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let base = parts.first.map(String.init) ?? ""
        let fragment = parts.count > 1 ? String(parts[1]) : ""
        let targetRoot: JSONValue
        if base.isEmpty {
            targetRoot = document
        } else if let registered = registry.document(at: base) {
            targetRoot = registered
        } else if let match = registry.registeredURIs.first(where: { $0.hasSuffix("/" + base) }),
            let registered = registry.document(at: match)
        {
            targetRoot = registered
        } else {
            return nil
        }
        guard fragment.isEmpty || fragment.utf8.first == UInt8(ascii: "/") else { return nil }
        guard let pointer = try? JSONPointer(parsing: fragment.removingPercentEncoding()) else { return nil }
        guard let target = targetRoot[pointer: pointer] else { return nil }
        return (target, targetRoot)
    }
}

extension String {
    /// The text with `%XX` escapes decoded (JSON pointers in URI fragments are percent-encoded).
    fileprivate func removingPercentEncoding() -> String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            else {
                bytes.append(byte)
                continue
            }
            bytes.append(value)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
