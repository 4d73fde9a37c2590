/// Replaces a tenant document safely: the current version is kept as a backup first (a new key,
/// written only if absent), then the new version is written only if the document still is the
/// one read (`If-Match` on S3; the content hash re-checked under a lock on files).
///
/// A concurrent writer makes the replacement fail with `tenant.conflict` instead of losing its
/// edit. Each store write is atomic, so at any moment the document is the complete old or the
/// complete new version, and every backup is complete.
public struct TenantChangeWriter: Sendable {
    /// What was written.
    public struct Outcome: Sendable, Hashable {
        /// The key written (`nil` when the new version equals the current one).
        public let key: String?
        /// The backup of the replaced version, if there was one.
        public let backupKey: String?
        /// The new entity tag, when the store has them.
        public let etag: String?
    }

    /// Called between two writes (a test hook: crash tests stop the process there).
    public let pause: (@Sendable () async -> Void)?

    /// A writer; `pause` runs between the backup and the write.
    public init(pause: (@Sendable () async -> Void)? = nil) {
        self.pause = pause
    }

    /// Writes `bytes` at `place` over `current` (the version read before, `nil` when there was
    /// none), keeping `current` as a backup taken at `now`.
    ///
    /// - Throws: ``TenantError`` `tenant.conflict` when the document changed since it was read,
    ///   or the store's errors; the document is then unchanged.
    public func replace(
        _ place: TenantDocumentPlace,
        with bytes: [UInt8],
        over current: StoredObject?,
        now: UTCTimestamp = .now()
    ) async throws(TenantError) -> Outcome {
        guard current?.bytes != bytes else { return Outcome(key: nil, backupKey: nil, etag: current?.etag) }
        var backupKey: String?
        if let current {
            backupKey = try await keepBackup(of: current, at: place, now: now)
            await pause?()
        }
        let etag = try await place.store.put(
            place.key,
            bytes,
            contentType: "application/json",
            condition: .over(current)
        )
        await pause?()
        return Outcome(key: place.key, backupKey: backupKey, etag: etag)
    }

    /// Writes `current` at a backup key nobody has used; returns the key.
    private func keepBackup(of current: StoredObject, at place: TenantDocumentPlace, now: UTCTimestamp)
        async throws(TenantError) -> String
    {
        for attempt in 1...1000 {
            let backup = TenantBackup(stem: place.backupStem, timestamp: now, attempt: attempt)
            do {
                _ = try await place.store.putCopy(backup.key, current.bytes, of: place.key)
                return backup.key
            } catch  where error.code == .conflict {
                continue
            }
        }
        throw TenantError(.writeFailed, "\(place.description): 1000 backups within one second; nothing was written")
    }
}
