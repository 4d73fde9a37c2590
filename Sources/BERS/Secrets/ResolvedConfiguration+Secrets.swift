import BERSJSON

extension ResolvedConfiguration {
    /// Whether the value at `path` (dotted path or JSON pointer) is a secret: encrypted,
    /// referenced with `$secret`, at or below a place the schema marks `writeOnly` or
    /// `x-bers-secret`, or a value that replaced one of those.
    public func isSecret(_ path: String) -> Bool {
        node(at: path).map(isSecret(node:)) ?? false
    }

    /// Whether the value at `pointer` is a secret (see ``isSecret(_:)``).
    public func isSecret(at pointer: JSONPointer) -> Bool {
        node(at: pointer).map(isSecret(node:)) ?? false
    }

    /// Whether the value at `pointer` is a secret whose clear value is not available here (an
    /// encrypted value without its key, or a reference to a missing variable or file).
    public func isSealed(at pointer: JSONPointer) -> Bool {
        node(at: pointer).map { storage.secretNodes.sealed.contains($0) } ?? false
    }

    /// Whether any value is secret.
    public var hasSecrets: Bool { !storage.secretNodes.secret.isEmpty }

    /// The pointers of the secret values, in document order (a secret object's members are not
    /// listed on their own).
    public var secretPointers: [JSONPointer] {
        let secret = storage.secretNodes.secret
        return secret.sorted()
            .filter { node in
                let parent = Int(storage.nodes[node].parent)
                return parent < 0 || !secret.contains(parent)
            }
            .map(pointer(ofNode:))
    }

    /// The pointers of the sealed values, in document order.
    public var sealedPointers: [JSONPointer] {
        storage.secretNodes.sealed.sorted().map(pointer(ofNode:))
    }

    func isSecret(node: Int) -> Bool {
        storage.secretNodes.secret.contains(node)
    }

    /// Throws `secret.sealed` when the value at `node` has no clear value here.
    func requireUnsealed(_ node: Int, path: String) throws(ConfigError) {
        let origin = storage.nodes[node].origin
        guard storage.layers[Int(origin.layer)].secrets.sealed.contains(origin.node) else { return }
        throw ConfigError(
            .sealedSecret,
            "\(path) is a secret with no clear value here: load its key (--key-file, BERS_SECRET_KEY_FILE) or set what its $secret reference names",
            location: storage.layers[Int(origin.layer)].tape.location(ofNode: Int(origin.node))
        )
    }

    // MARK: Redaction

    /// The whole document with every secret value replaced by `<redacted>`, except those at or
    /// below a pointer in `revealing`.
    public func redactedValue(revealing: Set<JSONPointer> = []) -> JSONValue {
        redactedValue(ofNode: 0, revealing: revealing) ?? value
    }

    /// The value at `path` with its secrets redacted (see ``redactedValue(revealing:)``).
    public func redactedValue(at path: String, revealing: Set<JSONPointer> = []) -> JSONValue? {
        guard let node = node(at: path) else { return nil }
        return redactedValue(ofNode: node, revealing: revealing)
    }

    /// The value of `node` with secrets redacted; `nil` when it has none to redact (the caller
    /// uses the plain value then).
    func redactedValue(ofNode node: Int, revealing: Set<JSONPointer>) -> JSONValue? {
        let secrets = storage.secretNodes.secret
        guard !secrets.isEmpty else { return node == 0 ? storage.value : storage.value(ofNode: node) }
        return redacted(node: node, secrets: secrets, revealing: revealing)
    }

    private func redacted(node: Int, secrets: Set<Int>, revealing: Set<JSONPointer>) -> JSONValue {
        if secrets.contains(node), !isRevealed(node: node, revealing: revealing) {
            return .string(SecretRedaction.placeholder)
        }
        let entry = storage.nodes[node]
        switch entry.kind {
        case .object:
            var members: [JSONObject.Member] = []
            var child = node + 1
            for _ in 0..<entry.count {
                let (tape, origin) = storage.tape(of: child)
                members.append((tape.key(of: origin), redacted(node: child, secrets: secrets, revealing: revealing)))
                child += Int(storage.nodes[child].size)
            }
            return .object(JSONObject(uniqueMembers: members))
        case .array:
            var elements: [JSONValue] = []
            var child = node + 1
            for _ in 0..<entry.count {
                elements.append(redacted(node: child, secrets: secrets, revealing: revealing))
                child += Int(storage.nodes[child].size)
            }
            return .array(elements)
        default:
            return storage.value(ofNode: node)
        }
    }

    private func isRevealed(node: Int, revealing: Set<JSONPointer>) -> Bool {
        guard !revealing.isEmpty else { return false }
        let here = pointer(ofNode: node)
        return revealing.contains { here.hasPrefix($0) }
    }

    /// `provenance` with the values of secrets redacted: its own value and the values it
    /// replaced, unless its pointer is in `revealing`.
    public func redacted(_ provenance: Provenance, revealing: Set<JSONPointer> = []) -> Provenance {
        guard let node = node(at: provenance.pointer), hasSecrets else { return provenance }
        var copy = provenance
        if revealing.contains(where: { provenance.pointer.hasPrefix($0) }) { return copy }
        copy.value = redactedValue(ofNode: node, revealing: revealing) ?? provenance.value
        copy.source.value = copy.value
        if isSecret(node: node)
            || storage.secretNodes.secret.contains(where: { pointer(ofNode: $0).hasPrefix(provenance.pointer) })
        {
            copy.overrode = copy.overrode.map { source in
                var hidden = source
                hidden.value = .string(SecretRedaction.placeholder)
                return hidden
            }
        }
        return copy
    }
}
