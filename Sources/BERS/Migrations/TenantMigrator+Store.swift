import BERSJSON

extension TenantMigrator {
    /// Migrates the document at `place`: reads it with its entity tag, migrates and checks it,
    /// and, when `write` is set and nothing blocks, keeps a backup and writes the result over the
    /// version read.
    ///
    /// - Returns: the migration, and what was written (`nil` for a dry run, a blocked migration
    ///   or one that changes nothing).
    /// - Throws: ``TenantError``: reading or the chain fails, `tenant.conflict` when the document
    ///   changed meanwhile (nothing is written then).
    public func migrate(
        _ place: TenantDocumentPlace,
        to target: String?,
        from: String? = nil,
        write: Bool,
        writer: TenantChangeWriter = TenantChangeWriter(),
        now: UTCTimestamp = .now()
    ) async throws(TenantError) -> (result: TenantMigrationResult, written: TenantChangeWriter.Outcome?) {
        let (current, document) = try await place.read(maxBytes: validator.settings.maxBytes)
        let result = try migrate(document, to: target, from: from, now: now)
        guard write, !result.isBlocked, !result.isUnchanged else { return (result, nil) }
        return (result, try await writer.replace(place, with: result.bytes, over: current, now: now))
    }
}
