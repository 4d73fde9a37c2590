import BERSJSON

/// One scalar of a resolved configuration as doctor rules see it: where it is, what its key
/// says, where it was written, and whether it is a secret.
struct DoctorValue: Sendable {
    /// Its pointer.
    let pointer: JSONPointer
    /// The words of its key (an array element's are its array's).
    let key: KeyWords
    /// The words of the keys above it.
    let ancestors: [KeyWords]
    /// The value.
    let value: JSONValue
    /// The kind of layer that set it.
    let layer: LayerSource.Kind
    /// Where it is written.
    let location: SourceLocation?
    /// Whether it is a secret (redacted in every output).
    let isSecret: Bool
    /// Whether it was written encrypted or as a `$secret` reference rather than in clear.
    let isProtected: Bool

    /// Whether a file holds it (not a `BERS__` variable or `--set`).
    var isInFile: Bool { layer != .environmentVariable && layer != .commandLine }

    /// Whether any key above it has one of `words`.
    func isBelow(anyOf words: Set<String>) -> Bool { ancestors.contains { $0.contains(anyOf: words) } }
}

extension ResolvedConfiguration {
    /// Every scalar of the configuration, in document order.
    func doctorValues() -> [DoctorValue] {
        var values: [DoctorValue] = []
        collect(node: 0, key: KeyWords(""), ancestors: [], into: &values)
        return values
    }

    private func collect(node: Int, key: KeyWords, ancestors: [KeyWords], into values: inout [DoctorValue]) {
        let entry = storage.nodes[node]
        switch entry.kind {
        case .object, .array:
            var child = node + 1
            let above = node == 0 ? ancestors : ancestors + [key]
            for _ in 0..<entry.count {
                let childKey: KeyWords
                if entry.kind == .object {
                    let (tape, origin) = storage.tape(of: child)
                    childKey = KeyWords(tape.key(of: origin))
                } else {
                    childKey = key
                }
                collect(node: child, key: childKey, ancestors: above, into: &values)
                child += Int(storage.nodes[child].size)
            }
        default:
            let origin = entry.origin
            let layer = storage.layers[Int(origin.layer)]
            values.append(
                DoctorValue(
                    pointer: pointer(ofNode: node),
                    key: key,
                    ancestors: ancestors,
                    value: storage.value(ofNode: node),
                    layer: layer.source.kind,
                    location: layer.tape.location(ofNode: Int(origin.node)),
                    isSecret: isSecret(node: node),
                    isProtected: layer.secrets.secret.contains(origin.node)
                )
            )
        }
    }
}
