import BERSJSON

/// The `migrations` section of `bers.json`: how many steps of `migrations/` the layer files
/// have been through.
///
/// ```json
/// "migrations": {"applied": 2}
/// ```
///
/// `bers migrate` writes it after the layer files; a project without the section has applied
/// none.
public struct KeyMigrationSettings: Sendable, Hashable {
    /// The number of steps applied: steps 1 to `applied` are done.
    public var applied: Int
    /// Where `applied` is written, if it is.
    public var location: SourceLocation?

    /// Settings saying `applied` steps are done.
    public init(applied: Int = 0, location: SourceLocation? = nil) {
        self.applied = applied
        self.location = location
    }

    /// Reads the `migrations` section.
    ///
    /// - Throws: ``ConfigError`` `config.invalid-project-file` for unknown keys and an `applied`
    ///   that is not an integer from 0 to 1,000,000.
    init(reader: DocumentReader) throws(ConfigError) {
        try reader.rejectUnknownKeys(at: "/migrations", allowed: ["applied"])
        let applied = try reader.integer(at: "/migrations/applied", range: 0...1_000_000) ?? 0
        self.init(applied: Int(applied), location: reader.document.location(of: "/migrations/applied"))
    }
}
