/// What the pending migrations do to one layer file: the changes, and the file's new text.
public struct KeyMigrationFileChanges: Sendable {
    /// The file's path.
    public let path: String
    /// Whether the migration creates the file (a set-default without a `default.*` layer).
    public let isNew: Bool
    /// Whether the file is YAML (rewritten by the YAML writer).
    public let isYAML: Bool
    /// Whether the original YAML file has comments, which the rewrite does not keep.
    public let losesComments: Bool
    /// The changes, in the order they are made.
    public let changes: [KeyMigrationChange]
    /// The new contents: two-space pretty JSON (as `bers fmt` writes it), or block YAML.
    public let contents: [UInt8]
    /// The contents read when planning (`nil` for a new file), to refuse writing over a file
    /// changed since.
    let originalContents: [UInt8]?

    init(
        path: String,
        isYAML: Bool,
        losesComments: Bool,
        changes: [KeyMigrationChange],
        contents: [UInt8],
        originalContents: [UInt8]?
    ) {
        self.path = path
        self.isNew = originalContents == nil
        self.isYAML = isYAML
        self.losesComments = losesComments
        self.changes = changes
        self.contents = contents
        self.originalContents = originalContents
    }
}
