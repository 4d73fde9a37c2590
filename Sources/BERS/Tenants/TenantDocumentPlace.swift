/// Where a tenant document lives and where its backups go: the configuration key of a tenant in
/// a store (`tenants/<id>/<id>-config.json`, backups `tenants/<id>/<id>-<UTC timestamp>.json`),
/// or a file outside any store (its directory as a file store, backups beside it).
public struct TenantDocumentPlace: Sendable {
    /// The store holding the document.
    public let store: any TenantStore
    /// The document's key in the store.
    public let key: String
    /// What backup keys start with.
    public let backupStem: String
    /// How messages name the document.
    public let description: String

    /// A document at `key` in `store`, whose backups start with `backupStem`.
    public init(store: any TenantStore, key: String, backupStem: String, description: String? = nil) {
        self.store = store
        self.key = key
        self.backupStem = backupStem
        self.description = description ?? "\(store.description)/\(key)"
    }

    /// The configuration of tenant `tenantID` in `store`; messages name a file store's document
    /// by its path.
    public static func tenant(_ tenantID: String, in store: any TenantStore) -> TenantDocumentPlace {
        let key = TenantRepository.configKey(tenantID: tenantID)
        let fileStore = store as? FileSystemTenantStore
        return TenantDocumentPlace(
            store: store,
            key: key,
            backupStem: "tenants/\(tenantID)/\(tenantID)",
            description: fileStore.map { PathText.normalized($0.root) + "/" + key }
        )
    }

    /// The file at `path`, migrated in place; its backups go beside it as
    /// `<name>-<UTC timestamp>.json`, or, for a tenant's configuration in a file store
    /// (`…/tenants/<id>/<id>-config.json` or the legacy `…/tenants/<id>/config.json`), as the
    /// store names them (`<id>-<UTC timestamp>.json`), so that the store's history lists them.
    public static func file(_ path: String, fileSystem: any FileSystem = LocalFileSystem()) -> TenantDocumentPlace {
        let parts = PathText.segments(of: path)
        let name = String(parts.last ?? "")
        let directory = parts.count > 1 ? parts.dropLast().joined(separator: "/") : "."
        let ownStem = name.hasSuffix(".json") ? String(name.dropLast(".json".count)) : name
        let stem = storeTenantID(of: fileSystem.absolutePath(path)) ?? ownStem
        return TenantDocumentPlace(
            store: FileSystemTenantStore(root: directory.isEmpty ? "/" : directory, fileSystem: fileSystem),
            key: name,
            backupStem: stem,
            description: path
        )
    }

    /// The tenant id when the absolute `path` is a tenant's configuration in a store's layout:
    /// `…/tenants/<id>/<id>-config.json` or `…/tenants/<id>/config.json`.
    static func storeTenantID(of path: String) -> String? {
        let parts = PathText.segments(of: path, omittingEmpty: true)
        guard parts.count >= 3, parts[parts.count - 3] == "tenants" else { return nil }
        let id = String(parts[parts.count - 2])
        let name = parts[parts.count - 1]
        guard TenantRepository.isValidTenantID(id), name == "\(id)-config.json" || name == "config.json" else {
            return nil
        }
        return id
    }

    /// The backups, newest first.
    ///
    /// - Throws: the store's ``TenantError``s.
    public func backups() async throws(TenantError) -> [TenantBackup] {
        // Only keys starting with the stem can be backups: listing by the stem (not the whole
        // directory) keeps a file store from walking every folder beside a file (all of `/`
        // for `/x.json`).
        let keys = try await store.list(prefix: backupStem + "-")
        return keys.compactMap { TenantBackup(key: $0, stem: backupStem) }.sorted(by: TenantBackup.newerFirst)
    }
}
