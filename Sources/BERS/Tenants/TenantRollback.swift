import BERSJSON

/// Restores a tenant document from one of its backups, the restore the original lacked: the
/// current version is backed up first, the write is conditional on it, and the restored document
/// is validated; it may keep problems the current one has, but not bring new ones.
public struct TenantRollback: Sendable {
    /// What a rollback restores.
    public struct Plan: Sendable {
        /// The backup restored.
        public let backup: TenantBackup
        /// Its bytes.
        public let bytes: [UInt8]
        /// The version replaced (`nil` when the document no longer exists).
        public let current: StoredObject?
        /// Why the current version cannot be read, or `nil` when it can or there is none.
        ///
        /// It is not a JSON object, or too large; its bytes are backed up all the same.
        public let unreadableCurrent: TenantError?
        /// Problems of the backup the current document has too (they do not block); when the
        /// current document is missing or unreadable, every problem of the backup (nothing it
        /// replaces could be served, so restoring it never makes things worse).
        public let preExisting: [TenantIssue]
        /// Problems the restore would bring back (they block it).
        public let introduced: [TenantIssue]
        /// The backup's warnings.
        public let warnings: [TenantIssue]
    }

    /// Checks the restored document.
    public let validator: TenantValidator

    /// A rollback checking with `validator`.
    public init(validator: TenantValidator) {
        self.validator = validator
    }

    /// What rolling `place` back would restore: the newest backup, or with `time` the backup taken
    /// then (or the newest one taken before it).
    ///
    /// A current document that is missing, is not a JSON object or is too large does not stop
    /// the rollback: restoring it is what backups are for. Its bytes, when there are any, are
    /// backed up by ``restore(_:at:writer:now:)`` before they are replaced.
    ///
    /// - Throws: ``TenantError`` `tenant.migration-failed` when there is no such backup,
    ///   `tenant.malformed-document`, `tenant.invalid-document` when the backup is for another
    ///   tenant, or the store's errors.
    public func plan(_ place: TenantDocumentPlace, to time: UTCTimestamp?) async throws(TenantError) -> Plan {
        let backups = try await place.backups()
        guard
            let backup = backups.first(where: {
                time == nil || $0.timestamp.secondsSince1970 <= (time?.secondsSince1970 ?? 0)
            })
        else {
            throw TenantError(
                .migrationFailed,
                backups.isEmpty
                    ? "\(place.description) has no backups to restore"
                    : "\(place.description) has no backup taken at or before \(time?.iso8601 ?? ""); the oldest is from \(backups.last?.timestamp.iso8601 ?? "")"
            )
        }
        guard case .found(let object) = try await place.store.get(backup.key) else {
            throw TenantError(.notFound, "\(place.store.description)/\(backup.key) disappeared while reading it")
        }
        let maxBytes = validator.settings.maxBytes
        let restored = try TenantDocumentPlace.parse(
            object.bytes,
            file: "\(place.store.description)/\(backup.key)",
            maxBytes: maxBytes
        )
        let (current, currentErrors, unreadable) = try await readCurrent(of: place, against: restored)
        let report = validator.validate(restored)
        let (preExisting, introduced) =
            current == nil || unreadable != nil
            ? (report.errors, [])
            : TenantIssue.split(report.errors, against: currentErrors)
        return Plan(
            backup: backup,
            bytes: object.bytes,
            current: current,
            unreadableCurrent: unreadable,
            preExisting: preExisting,
            introduced: introduced,
            warnings: report.warnings
        )
    }

    /// The current version at `place`, its errors, and why it cannot be read; a missing or
    /// unreadable current version is no error (restoring it is what a rollback is for).
    ///
    /// - Throws: ``TenantError`` `tenant.invalid-document` when the current version is for
    ///   another tenant than `restored`, or the store's errors.
    private func readCurrent(of place: TenantDocumentPlace, against restored: JSONDocument)
        async throws(TenantError) -> (StoredObject?, [TenantIssue], TenantError?)
    {
        guard case .found(let found) = try await place.store.get(place.key) else { return (nil, [], nil) }
        let document: JSONDocument
        do {
            document = try TenantDocumentPlace.parse(
                found.bytes,
                file: place.description,
                maxBytes: validator.settings.maxBytes
            )
        } catch {
            return (found, [], error)
        }
        try Self.checkSameTenant(restored, as: document)
        return (found, validator.validate(document).errors, nil)
    }

    /// Carries out `plan` at `place` with `writer`.
    ///
    /// - Throws: ``TenantError`` `tenant.invalid-document` when the plan would bring back
    ///   problems, `tenant.conflict` when the document changed since the plan was made.
    public func restore(
        _ plan: Plan,
        at place: TenantDocumentPlace,
        writer: TenantChangeWriter,
        now: UTCTimestamp = .now()
    )
        async throws(TenantError) -> TenantChangeWriter.Outcome
    {
        guard plan.introduced.isEmpty else {
            throw TenantError(
                .invalidDocument,
                "\(plan.backup.key) has \(plan.introduced.count) problem\(plan.introduced.count == 1 ? "" : "s") the current document does not have; nothing was written:\n"
                    + plan.introduced.map(\.description).joined(separator: "\n")
            )
        }
        return try await writer.replace(place, with: plan.bytes, over: plan.current, now: now)
    }

    /// Refuses a backup naming another tenant id or hash than the current document.
    private static func checkSameTenant(_ restored: JSONDocument, as current: JSONDocument) throws(TenantError) {
        for member in ["tenant_id", "tenant_hash"] {
            guard case .string(let now)? = current.value[member], case .string(let then)? = restored.value[member],
                now != then
            else { continue }
            throw TenantError(
                .invalidDocument,
                "\(restored.file) is for \(member) \(then), but the document it would replace is for \(now); refusing to restore it",
                location: restored.location(of: JSONPointer(tokens: [member]))
            )
        }
    }
}
