extension TenantDocumentPlace {
    /// The place of the configuration the mapping of `hash` names in `store` (the primary key,
    /// or the legacy one where the document is kept there).
    ///
    /// With `acceptingUnreadable`, a configuration that is missing, malformed or too large still
    /// has a place (found through the mapping alone): what history and rollback need to recover
    /// it from its backups. The primary key is chosen then, unless only the legacy one exists.
    ///
    /// - Throws: what ``TenantRepository/load(_:)`` throws; with `acceptingUnreadable`, only the
    ///   mapping's errors, `tenant.invalid-document` (the document names another tenant) and
    ///   the store's errors.
    public static func locate(
        _ hash: TenantHash,
        in store: any TenantStore,
        maxBytes: Int = 1 << 20,
        acceptingUnreadable: Bool = false
    ) async throws(TenantError) -> TenantDocumentPlace {
        let repository = TenantRepository(store: store, maxBytes: maxBytes)
        do {
            let document = try await repository.load(hash)
            return configuration(of: document.tenantID, at: document.key, in: store)
        } catch  where acceptingUnreadable && unreadableCodes.contains(error.code) {
            // A missing mapping is still an error: only the configuration may be broken.
            let tenantID = try await repository.mapping(of: hash).tenantID
            let primary = TenantRepository.configKey(tenantID: tenantID)
            let legacy = TenantRepository.legacyConfigKey(tenantID: tenantID)
            var key = primary
            if try await store.get(primary) == .notFound, try await store.get(legacy) != .notFound { key = legacy }
            return configuration(of: tenantID, at: key, in: store)
        }
    }

    /// What a broken or missing configuration fails with.
    private static let unreadableCodes: Set<TenantError.Code> = [.notFound, .malformedDocument, .tooLarge]

    /// The configuration of `tenantID` at `key` in `store`, backed up at `tenants/<id>/<id>-…`
    /// (and, before, through its file path, at `tenants/<id>/<id>-config-…` or
    /// `tenants/<id>/config-…`: those are listed too).
    private static func configuration(of tenantID: String, at key: String, in store: any TenantStore)
        -> TenantDocumentPlace
    {
        // Messages name a file store's document by its path, as ``tenant(_:in:)`` does.
        let fileStore = store as? FileSystemTenantStore
        return TenantDocumentPlace(
            store: store,
            key: key,
            backupStem: "tenants/\(tenantID)/\(tenantID)",
            formerBackupStems: [ownStem(of: key)],
            description: fileStore.map { PathText.normalized($0.root) + "/" + key }
        )
    }
}
