extension TenantDocumentPlace {
    /// The place of the configuration the mapping of `hash` names in `store` (the primary key,
    /// or the legacy one where the document is kept there).
    ///
    /// - Throws: what ``TenantRepository/load(_:)`` throws.
    public static func locate(_ hash: TenantHash, in store: any TenantStore, maxBytes: Int = 1 << 20)
        async throws(TenantError) -> TenantDocumentPlace
    {
        let document = try await TenantRepository(store: store, maxBytes: maxBytes).load(hash)
        let tenantID = document.tenantID
        // Messages name a file store's document by its path, as ``tenant(_:in:)`` does.
        let fileStore = store as? FileSystemTenantStore
        return TenantDocumentPlace(
            store: store,
            key: document.key,
            backupStem: "tenants/\(tenantID)/\(tenantID)",
            description: fileStore.map { PathText.normalized($0.root) + "/" + document.key }
        )
    }
}
