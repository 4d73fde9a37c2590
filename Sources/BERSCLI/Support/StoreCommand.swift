/// A command that may read or write a tenant store (`--store`, or `tenants.store` in bers.json).
protocol StoreCommand {
    /// The command's `--store` and `--s3-endpoint`.
    var stores: TenantStoreOptions { get }
    /// The command's `--config-dir`.
    var project: ProjectOptions { get }
    /// Whether this invocation opens the store at all (a build only does for a tenant or a check).
    var usesStore: Bool { get }
}

extension StoreCommand {
    var usesStore: Bool { true }

    /// Whether the store this invocation would open needs the network; a configuration that
    /// cannot be read counts as none, and the command reports it when it runs.
    var mayUseRemoteStore: Bool {
        // A config directory in etcd (the tenant commands read it) is read through the network too.
        if RemoteFeed.isFeed(project.choice().path) { return true }
        guard usesStore else { return false }
        let configured = stores.store ?? (try? optionalProject(project))??.settings.tenants.store
        return configured.map(TenantStoreOptions.isRemote) ?? false
    }
}

extension TenantGetCommand: StoreCommand {}
extension TenantListCommand: StoreCommand {}
extension TenantPutCommand: StoreCommand {}
extension TenantValidateCommand: StoreCommand {
    var usesStore: Bool { !namesFile }
}
extension BenchCommand: StoreCommand {}
extension BuildCommand: StoreCommand {
    var usesStore: Bool { tenant != nil || check != nil }
}
