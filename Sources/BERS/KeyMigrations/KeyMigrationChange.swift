import BERSJSON

/// One change a migration makes to one layer file: what the step's operation did there.
///
/// Changes are listed in the order they are made, like the operations of a JSON Patch
/// (RFC 6902); values that are secret (a place the schema marks secret, an `enc:v1:` value, a
/// `$secret` reference) are flagged so that they are shown as `<redacted>`.
public struct KeyMigrationChange: Sendable, Hashable {
    /// What changed.
    public enum Kind: Sendable, Hashable {
        /// A value was added (set-default).
        case add(path: JSONPointer, value: JSONValue)
        /// A value was removed.
        case remove(path: JSONPointer, old: JSONValue)
        /// A value was converted (change-type).
        case replace(path: JSONPointer, old: JSONValue, new: JSONValue)
        /// A value was renamed or moved.
        case move(from: JSONPointer, to: JSONPointer, value: JSONValue)
    }

    /// What changed.
    public var kind: Kind
    /// The number of the step that made the change.
    public var step: Int
    /// Whether a value involved is secret.
    public var isSecret: Bool

    /// A change made by step `step`.
    public init(_ kind: Kind, step: Int, isSecret: Bool) {
        self.kind = kind
        self.step = step
        self.isSecret = isSecret
    }

    /// The pointer the change leaves a value at (or removes it from).
    public var path: JSONPointer {
        switch kind {
        case .add(let path, _), .remove(let path, _), .replace(let path, _, _): path
        case .move(_, let to, _): to
        }
    }
}
