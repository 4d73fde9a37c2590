import BERSJSON

/// The differences between two resolved configurations, leaf by leaf (scalars, arrays as a whole,
/// and empty objects), with the source of each side.
///
/// ```swift
/// let diff = ConfigDiff(from: try project.resolve(.staging), to: try project.resolve(.production))
/// for change in diff.changed { print(change.path, change.from.value, "->", change.to.value) }
/// ```
public struct ConfigDiff: Sendable {
    /// A value present on one side only.
    public struct Entry: Sendable, Hashable {
        /// Where it is.
        public var pointer: JSONPointer
        /// Its value and source (the value `<redacted>` when it is a secret).
        public var source: ValueSource
        /// Whether the value is a secret (its value is not shown).
        public var isSecret = false
    }

    /// A value present on both sides with different values.
    public struct Change: Sendable, Hashable {
        /// Where it is.
        public var pointer: JSONPointer
        /// The old side.
        public var from: ValueSource
        /// The new side.
        public var to: ValueSource
        /// Whether either side is a secret: the values are `<redacted>`, and the change says only
        /// that the secret changed.
        public var isSecret = false
    }

    /// Environment of the old side.
    public var fromEnvironment: Environment
    /// Environment of the new side.
    public var toEnvironment: Environment
    /// Leaves only the new side has.
    public var added: [Entry]
    /// Leaves only the old side has.
    public var removed: [Entry]
    /// Leaves whose values differ.
    public var changed: [Change]

    /// Compares `old` with `new`.
    public init(from old: ResolvedConfiguration, to new: ResolvedConfiguration) {
        fromEnvironment = old.environment
        toEnvironment = new.environment
        let oldLeaves = old.leafProvenance()
        let newLeaves = new.leafProvenance()
        let oldByPointer = Dictionary(oldLeaves.map { ($0.pointer, $0) }, uniquingKeysWith: { first, _ in first })
        let newByPointer = Dictionary(newLeaves.map { ($0.pointer, $0) }, uniquingKeysWith: { first, _ in first })
        var added: [Entry] = []
        var removed: [Entry] = []
        var changed: [Change] = []
        for leaf in oldLeaves {
            if let other = newByPointer[leaf.pointer] {
                if !other.value.isIdentical(to: leaf.value) {
                    changed.append(Change(pointer: leaf.pointer, from: leaf.source, to: other.source))
                }
            } else if let container = new.provenance(at: leaf.pointer) {
                changed.append(Change(pointer: leaf.pointer, from: leaf.source, to: container.source))
            } else if !Self.isInsideLeaf(leaf.pointer, of: newByPointer) {
                removed.append(Entry(pointer: leaf.pointer, source: leaf.source))
            }
        }
        for leaf in newLeaves where oldByPointer[leaf.pointer] == nil {
            if let container = old.provenance(at: leaf.pointer) {
                changed.append(Change(pointer: leaf.pointer, from: container.source, to: leaf.source))
            } else if !Self.isInsideLeaf(leaf.pointer, of: oldByPointer) {
                added.append(Entry(pointer: leaf.pointer, source: leaf.source))
            }
        }
        // The secret pointers of each side, listed once.
        let oldSecrets = old.secretPointers
        let newSecrets = new.secretPointers
        self.added = added.map { Self.hiding($0, secrets: newSecrets) }
        self.removed = removed.map { Self.hiding($0, secrets: oldSecrets) }
        self.changed = changed.map { change in
            let hidden =
                Self.holdsSecret(change.pointer, secrets: oldSecrets)
                || Self.holdsSecret(change.pointer, secrets: newSecrets)
            guard hidden else { return change }
            return Change(
                pointer: change.pointer,
                from: Self.redacted(change.from),
                to: Self.redacted(change.to),
                isSecret: true
            )
        }
    }

    /// Whether the leaf at `pointer` is, or holds, one of `secrets`.
    private static func holdsSecret(_ pointer: JSONPointer, secrets: [JSONPointer]) -> Bool {
        secrets.contains { $0.hasPrefix(pointer) || pointer.hasPrefix($0) }
    }

    private static func hiding(_ entry: Entry, secrets: [JSONPointer]) -> Entry {
        guard holdsSecret(entry.pointer, secrets: secrets) else { return entry }
        return Entry(pointer: entry.pointer, source: redacted(entry.source), isSecret: true)
    }

    private static func redacted(_ source: ValueSource) -> ValueSource {
        var copy = source
        copy.value = .string(SecretRedaction.placeholder)
        return copy
    }

    private static func isInsideLeaf(_ pointer: JSONPointer, of leaves: [JSONPointer: Provenance]) -> Bool {
        var probe = pointer.parent
        while let current = probe {
            if leaves[current] != nil { return true }
            probe = current.parent
        }
        return false
    }

    /// Whether the two sides are the same.
    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

    /// `{"from": env, "to": env, "added": [...], "removed": [...], "changed": [{"path", "from", "to"}]}`.
    public var jsonValue: JSONValue {
        func entry(_ entry: Entry) -> JSONValue {
            var object: JSONObject = ["path": .string(entry.pointer.description), "source": entry.source.jsonValue]
            if entry.isSecret { object["secret"] = true }
            return .object(object)
        }
        return [
            "from": .string(fromEnvironment.name),
            "to": .string(toEnvironment.name),
            "added": .array(added.map(entry)),
            "removed": .array(removed.map(entry)),
            "changed": .array(
                changed.map { change in
                    var object: JSONObject = [
                        "path": .string(change.pointer.description), "from": change.from.jsonValue,
                        "to": change.to.jsonValue,
                    ]
                    if change.isSecret { object["secret"] = true }
                    return .object(object)
                }
            ),
        ]
    }
}
