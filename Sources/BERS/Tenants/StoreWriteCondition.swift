/// When a store write may happen: always, only over the version read before, or only where
/// nothing exists yet.
///
/// Conditional writes keep a concurrent writer from being overwritten unseen: a migration reads
/// the document with its entity tag and writes with ``ifMatch(_:)``; a backup is written with
/// ``ifAbsent`` so it never replaces another. S3 sends `If-Match` and `If-None-Match: *`; the
/// file store re-checks the content hash under an exclusive lock.
public enum StoreWriteCondition: Sendable, Hashable {
    /// Write whatever is there.
    case unconditional
    /// Write only when the object still has this entity tag (quotes included, as read).
    case ifMatch(String)
    /// Write only when there is no object at the key.
    case ifAbsent

    /// The condition of a write over `current`, the object read at the key (`nil`: none): only
    /// over that version (its entity tag), or only where nothing is yet; unconditional for a
    /// store without entity tags.
    public static func over(_ current: StoredObject?) -> StoreWriteCondition {
        guard let current else { return .ifAbsent }
        return current.etag.map(StoreWriteCondition.ifMatch) ?? .unconditional
    }

    /// How the condition reads in messages.
    var summary: String {
        switch self {
        case .unconditional: "unconditionally"
        case .ifMatch(let etag): "if it still has entity tag \(etag)"
        case .ifAbsent: "if nothing is there yet"
        }
    }
}
