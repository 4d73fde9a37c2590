/// The metaschema failures behind a ``SchemaError/Code/invalidSchema`` error, as its
/// ``SchemaError/underlying``.
public struct MetaschemaFailures: Error, Sendable {
    /// Every failure of the schema against its metaschema (instance locations are pointers into
    /// the schema).
    public var failures: [ValidationFailure]
}
