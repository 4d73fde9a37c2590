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
    /// What backup keys started with before they were named after ``backupStem``.
    ///
    /// For a tenant's configuration, the document's own name (`<id>-config`, `config`): backups
    /// made through its file path were once named `<id>-config-<UTC timestamp>.json`. They are
    /// listed, never written.
    public let formerBackupStems: [String]
    /// How messages name the document.
    public let description: String

    /// A document at `key` in `store`, whose backups start with `backupStem` (or, for older
    /// ones, with one of `formerBackupStems`).
    public init(
        store: any TenantStore,
        key: String,
        backupStem: String,
        formerBackupStems: [String] = [],
        description: String? = nil
    ) {
        self.store = store
        self.key = key
        self.backupStem = backupStem
        self.formerBackupStems = formerBackupStems.filter { $0 != backupStem }
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
            formerBackupStems: [ownStem(of: key)],
            description: fileStore.map { PathText.normalized($0.root) + "/" + key }
        )
    }

    /// The file at `path`, migrated in place; its backups go beside it as
    /// `<name>-<UTC timestamp>.json`, or, for a tenant's configuration in a file store
    /// (`…/tenants/<id>/<id>-config.json` or the legacy `…/tenants/<id>/config.json`), as the
    /// store names them (`<id>-<UTC timestamp>.json`), so that the store's history lists them;
    /// backups named after the file (`<name>-<UTC timestamp>.json`, as they were before) are
    /// still listed then.
    public static func file(_ path: String, fileSystem: any FileSystem = LocalFileSystem()) -> TenantDocumentPlace {
        let parts = PathText.segments(of: path)
        let name = String(parts.last ?? "")
        let directory = parts.count > 1 ? parts.dropLast().joined(separator: "/") : "."
        let nameStem = ownStem(of: name)
        let stem = storeTenantID(of: fileSystem.absolutePath(path)) ?? nameStem
        return TenantDocumentPlace(
            store: FileSystemTenantStore(root: directory.isEmpty ? "/" : directory, fileSystem: fileSystem),
            key: name,
            backupStem: stem,
            formerBackupStems: [nameStem],
            description: path
        )
    }

    /// `key` without its `.json` extension: what backups named after the document start with.
    static func ownStem(of key: String) -> String {
        key.hasSuffix(".json") ? String(key.dropLast(".json".count)) : key
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

    /// The backups, newest first: those named after ``backupStem`` and those named after one of
    /// ``formerBackupStems``; of two taken in the same second, the one named after ``backupStem``
    /// comes first.
    ///
    /// - Throws: the store's ``TenantError``s.
    public func backups() async throws(TenantError) -> [TenantBackup] {
        // Only keys starting with the stem can be backups: listing by the stem (not the whole
        // directory) keeps a file store from walking every folder beside a file (all of `/`
        // for `/x.json`).
        let keys = try await store.list(prefix: backupStem + "-")
        var found = keys.compactMap { TenantBackup(key: $0, stem: backupStem) }
        for stem in formerBackupStems {
            // `<id>-config-…` keys were listed with `<id>-…`; `config-…` ones need their own listing.
            let stemKeys = stem.hasPrefix(backupStem + "-") ? keys : try await store.list(prefix: stem + "-")
            found += stemKeys.compactMap { TenantBackup(key: $0, stem: stem) }
        }
        return Self.newestFirst(found)
    }

    /// `backups` sorted newest first; equally new ones keep their order.
    private static func newestFirst(_ backups: [TenantBackup]) -> [TenantBackup] {
        backups.enumerated()
            .sorted { lhs, rhs in
                if TenantBackup.newerFirst(lhs.element, rhs.element) { return true }
                if TenantBackup.newerFirst(rhs.element, lhs.element) { return false }
                return lhs.offset < rhs.offset
            }
            .map(\.element)
    }
}
