/// Writes a ``KeyMigrationPlan``: each layer file replaced atomically, one by one, then
/// `bers.json` with the new `migrations.applied`, last.
///
/// A crash between two writes leaves some files migrated and the counter unchanged; since every
/// operation is idempotent, running the migration again completes the job.
///
/// ```swift
/// let written = try await KeyMigrationWriter(fileSystem: project.fileSystem).write(plan)
/// ```
public struct KeyMigrationWriter: Sendable {
    /// The file system written to (its `write` must be atomic, as ``LocalFileSystem``'s is).
    public let fileSystem: any FileSystem
    /// Called between two file writes (a test hook: a crash test stops the process there).
    public let pause: (@Sendable () async -> Void)?
    /// Called with each path once it is written.
    public let didWrite: (@Sendable (String) -> Void)?

    /// A writer to `fileSystem`, pausing with `pause` between writes and reporting each write to
    /// `didWrite`.
    public init(
        fileSystem: any FileSystem,
        pause: (@Sendable () async -> Void)? = nil,
        didWrite: (@Sendable (String) -> Void)? = nil
    ) {
        self.fileSystem = fileSystem
        self.pause = pause
        self.didWrite = didWrite
    }

    /// Writes the plan's files and returns their paths, in the order written (`bers.json` last).
    ///
    /// - Throws: ``ConfigError`` `migrate.stale-plan` before writing anything when a file is no
    ///   longer what the plan read; `config.write-failed` when a write fails (the files before
    ///   it are written, the counter is not).
    @discardableResult
    public func write(_ plan: KeyMigrationPlan) async throws(ConfigError) -> [String] {
        let writes = plan.writes
        for file in writes { try checkUnchanged(file) }
        var written: [String] = []
        for (index, file) in writes.enumerated() {
            if index > 0, let pause { await pause() }
            try fileSystem.write(file.contents, toPath: file.path)
            written.append(file.path)
            didWrite?(file.path)
        }
        return written
    }

    /// Fails when the file on disk is not the one the plan read (or a file to create exists).
    private func checkUnchanged(_ file: KeyMigrationFileChanges) throws(ConfigError) {
        let current: [UInt8]?
        if fileSystem.itemKind(atPath: file.path) == .missing {
            current = nil
        } else {
            current = try fileSystem.contents(atPath: file.path)
        }
        guard current != file.originalContents else { return }
        throw ConfigError(
            .keyMigrationStalePlan,
            "\(file.path) changed after the migration was planned; nothing was written, run the migration again"
        )
    }
}
