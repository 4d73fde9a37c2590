import BERSJSON

extension ResolvedConfiguration {
    /// The value at `path`.
    ///
    /// - Throws: ``ConfigError`` `config.missing-value` with the closest existing path as a suggestion.
    public func requireValue(at path: String) throws(ConfigError) -> JSONValue {
        let node = try requireNode(path)
        return node == 0 ? storage.value : storage.value(ofNode: node)
    }

    /// The integer at `path`.
    ///
    /// - Throws: ``ConfigError`` `config.missing-value` when nothing is there, or
    ///   `config.type-mismatch` naming the path, the value found and where it was set.
    @inline(__always)
    public func int(_ path: String) throws(ConfigError) -> Int {
        let node = try requireNode(path)
        let entry = storage.nodes[node]
        if entry.kind == .integer, let exact = Int(exactly: Int64(bitPattern: entry.payload)) { return exact }
        throw mismatch(node, path: path, expected: "an integer")
    }

    /// The number at `path` (integers are widened).
    public func double(_ path: String) throws(ConfigError) -> Double {
        let node = try requireNode(path)
        let entry = storage.nodes[node]
        switch entry.kind {
        case .double: return Double(bitPattern: entry.payload)
        case .integer: return Double(Int64(bitPattern: entry.payload))
        default: throw mismatch(node, path: path, expected: "a number")
        }
    }

    /// The boolean at `path`.
    public func bool(_ path: String) throws(ConfigError) -> Bool {
        let node = try requireNode(path)
        let entry = storage.nodes[node]
        if entry.kind == .bool { return entry.flag }
        throw mismatch(node, path: path, expected: "true or false")
    }

    /// The string at `path`.
    @inline(__always)
    public func string(_ path: String) throws(ConfigError) -> String {
        let node = try requireNode(path)
        let (tape, origin) = storage.tape(of: node)
        if tape[origin].kind == .string {
            try requireUnsealed(node, path: path)
            return tape.string(of: origin)
        }
        throw mismatch(node, path: path, expected: "a string")
    }

    /// The array at `path`.
    public func array(_ path: String) throws(ConfigError) -> [JSONValue] {
        let node = try requireNode(path)
        if case .array(let value) = storage.value(ofNode: node) { return value }
        throw mismatch(node, path: path, expected: "an array")
    }

    /// The array of strings at `path`.
    public func strings(_ path: String) throws(ConfigError) -> [String] {
        let node = try requireNode(path)
        guard case .array(let elements) = storage.value(ofNode: node) else {
            throw mismatch(node, path: path, expected: "an array of strings")
        }
        var result: [String] = []
        result.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            guard case .string(let string) = element else {
                let elementPointer = pointer(ofNode: node).appending(index: index)
                let elementPath =
                    path.utf8.first == UInt8(ascii: "/") ? elementPointer.description : elementPointer.dottedPath
                throw mismatch(
                    try requireNode(elementPointer.description.isEmpty ? "" : elementPointer.description),
                    path: elementPath,
                    expected: "a string"
                )
            }
            result.append(string)
        }
        return result
    }

    /// The object at `path`.
    public func object(_ path: String) throws(ConfigError) -> JSONObject {
        let node = try requireNode(path)
        if case .object(let value) = node == 0 ? storage.value : storage.value(ofNode: node) { return value }
        throw mismatch(node, path: path, expected: "an object")
    }

    /// The https URL at `path`, optionally restricted to some hosts.
    ///
    /// - Throws: ``ConfigError`` `config.invalid-url` naming the path and where it was set.
    public func secureURL(_ path: String, allowedHosts: Set<String>? = nil) throws(ConfigError) -> SecureURL {
        let text = try string(path)
        do {
            return try SecureURL(text, allowedHosts: allowedHosts)
        } catch {
            let node = try requireNode(path)
            throw ConfigError(
                .invalidURL,
                "\(path): \(error.message) (set by \(sourceDescription(ofNode: node)))",
                location: source(of: storage.nodes[node].origin, value: .null).location
            )
        }
    }

    @inline(__always)
    func requireNode(_ path: String) throws(ConfigError) -> Int {
        if let node = node(at: path) { return node }
        throw missing(path)
    }

    private func missing(_ path: String) -> ConfigError {
        var message = "no value at \(path.isEmpty ? "the root" : path)"
        let candidates = storage.nodes.indices.map { storage.index.path(of: $0) }
        if let suggestion = Suggestions.closest(to: path, in: candidates), suggestion != path {
            message += "; did you mean \(suggestion)?"
        }
        return ConfigError(.missingValue, message)
    }

    private func mismatch(_ node: Int, path: String, expected: String) -> ConfigError {
        let value = storage.value(ofNode: node)
        let source = source(of: storage.nodes[node].origin, value: value)
        let shown = isSecret(node: node) ? SecretRedaction.placeholder : value.shortDescription
        return ConfigError(
            .typeMismatch,
            "\(path): expected \(expected), found \(value.typeName) \(shown) (set by \(source))",
            location: source.location
        )
    }
}

extension JSONValue {
    /// The value as compact JSON, cut to 60 characters, for messages.
    var shortDescription: String {
        let text = jsonText
        return text.count > 60 ? String(text.prefix(57)) + "..." : text
    }
}
