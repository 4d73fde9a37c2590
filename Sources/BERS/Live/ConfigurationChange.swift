import BERSJSON

/// How one leaf of the configuration changed between two generations.
public struct ConfigurationChange: Sendable, Equatable {
    /// Whether the leaf is new, has a new value, or is gone.
    public enum Kind: String, Sendable, Equatable {
        /// The leaf is new.
        case added
        /// The leaf has a new value.
        case modified
        /// The leaf is gone.
        case removed
    }

    /// The leaf (a scalar, or an empty object or array).
    public let pointer: JSONPointer
    /// Whether it was added, modified or removed.
    public let kind: Kind
    /// The value before, absent when added.
    public let oldValue: JSONValue?
    /// The value after, absent when removed.
    public let newValue: JSONValue?
    /// Where the new value is written (`file:line:col`), absent when removed.
    public let location: SourceLocation?
    /// Whether the leaf is a secret on either side: its values are then `<redacted>` (read the
    /// new value from the configuration itself).
    public var isSecret = false

    init(pointer: JSONPointer, kind: Kind, oldValue: JSONValue?, newValue: JSONValue?, location: SourceLocation?) {
        self.pointer = pointer
        self.kind = kind
        self.oldValue = oldValue
        self.newValue = newValue
        self.location = location
    }

    /// The changed leaves from `old` to `new`.
    ///
    /// They come in the order of a preorder walk (old keys first, then keys only `new` has).
    /// Objects are compared by key and arrays by index.
    public static func changes(from old: ResolvedConfiguration, to new: ResolvedConfiguration)
        -> [ConfigurationChange]
    {
        var changes: [ConfigurationChange] = []
        compare(old.value, new.value, at: .root, into: &changes) { new.location(of: $0) }
        guard old.hasSecrets || new.hasSecrets else { return changes }
        let secrets = old.secretPointers + new.secretPointers
        return changes.map { change in
            guard secrets.contains(where: { change.pointer.hasPrefix($0) }) else { return change }
            return change.redacted()
        }
    }

    /// The change with both values `<redacted>`.
    private func redacted() -> ConfigurationChange {
        let hidden = JSONValue.string(SecretRedaction.placeholder)
        var copy = ConfigurationChange(
            pointer: pointer,
            kind: kind,
            oldValue: oldValue.map { _ in hidden },
            newValue: newValue.map { _ in hidden },
            location: location
        )
        copy.isSecret = true
        return copy
    }

    private static func compare(
        _ old: JSONValue?,
        _ new: JSONValue?,
        at pointer: JSONPointer,
        into changes: inout [ConfigurationChange],
        locate: (JSONPointer) -> SourceLocation?
    ) {
        switch (old, new) {
        case (nil, nil):
            return
        case (let before?, nil):
            leaves(of: before, at: pointer, removed: true, into: &changes, locate: locate)
        case (nil, let after?):
            leaves(of: after, at: pointer, removed: false, into: &changes, locate: locate)
        case (.object(let before)?, .object(let after)?) where !before.isEmpty && !after.isEmpty:
            for (key, value) in before {
                compare(value, after[key], at: pointer.appending(key), into: &changes, locate: locate)
            }
            for (key, value) in after where before[key] == nil {
                compare(nil, value, at: pointer.appending(key), into: &changes, locate: locate)
            }
        case (.array(let before)?, .array(let after)?) where !before.isEmpty && !after.isEmpty:
            for index in 0..<max(before.count, after.count) {
                // Not `nil` literals: JSONValue is ExpressibleByNilLiteral (JSON null).
                let old: JSONValue? = before.indices.contains(index) ? .some(before[index]) : .none
                let new: JSONValue? = after.indices.contains(index) ? .some(after[index]) : .none
                compare(old, new, at: pointer.appending(index: index), into: &changes, locate: locate)
            }
        case (let before?, let after?):
            guard before != after else { return }
            guard isLeaf(before) && isLeaf(after) else {
                // A leaf became a container or the other way round: every leaf of each side.
                leaves(of: before, at: pointer, removed: true, into: &changes, locate: locate)
                leaves(of: after, at: pointer, removed: false, into: &changes, locate: locate)
                return
            }
            changes.append(
                .init(pointer: pointer, kind: .modified, oldValue: before, newValue: after, location: locate(pointer))
            )
        }
    }

    /// Every leaf of `value` as added (or removed).
    private static func leaves(
        of value: JSONValue,
        at pointer: JSONPointer,
        removed: Bool,
        into changes: inout [ConfigurationChange],
        locate: (JSONPointer) -> SourceLocation?
    ) {
        switch value {
        case .object(let object) where !object.isEmpty:
            for (key, member) in object {
                leaves(of: member, at: pointer.appending(key), removed: removed, into: &changes, locate: locate)
            }
        case .array(let array) where !array.isEmpty:
            for (index, element) in array.enumerated() {
                leaves(
                    of: element,
                    at: pointer.appending(index: index),
                    removed: removed,
                    into: &changes,
                    locate: locate
                )
            }
        default:
            changes.append(
                removed
                    ? .init(pointer: pointer, kind: .removed, oldValue: value, newValue: nil, location: nil)
                    : .init(pointer: pointer, kind: .added, oldValue: nil, newValue: value, location: locate(pointer))
            )
        }
    }

    /// Whether `value` is a scalar or an empty object or array.
    private static func isLeaf(_ value: JSONValue) -> Bool {
        switch value {
        case .object(let object): object.isEmpty
        case .array(let array): array.isEmpty
        default: true
        }
    }
}
