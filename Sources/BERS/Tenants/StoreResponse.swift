/// The answer to a read.
public enum StoreResponse: Sendable, Hashable {
    /// The object, with its entity tag and version when the store has them.
    case found(StoredObject)
    /// The object still has the entity tag given in `ifNoneMatch`.
    case notModified
    /// There is no object at the key.
    case notFound
}
