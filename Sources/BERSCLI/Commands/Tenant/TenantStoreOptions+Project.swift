import BERS

extension TenantStoreOptions {
    /// The project the tenant commands check documents against, and these options with the store
    /// that project implies.
    ///
    /// - `--config-dir etcd://…` (or `$BERS_CONFIG_DIR`): the configuration stored under that
    ///   prefix, read as `bers serve --config-dir` reads it; the store is that prefix unless
    ///   `--store` names another.
    /// - Otherwise the local project; when there is none (no `--config-dir`, no `bers.json` or
    ///   layer here) and `--store` is `etcd://…`, the configuration stored under the store's prefix
    ///   if it holds one (said on standard error), so that a document is checked as the fleet
    ///   serving that prefix checks it.
    ///
    /// - Returns: `nil` for the project when there is none (tenant commands work without one).
    func project(_ options: ProjectOptions) async throws -> (ConfigProject?, TenantStoreOptions) {
        let choice = options.choice()
        if RemoteFeed.isFeed(choice.path) { return try await stored(at: choice.path) }
        let local = try optionalProject(options)
        if local?.hasConfiguration == true || choice.origin.isNamed { return (local, self) }
        return try await storedAtStore() ?? (local, self)
    }

    /// ``project(_:)`` for a command that needs a configuration (`bers tenant get`).
    ///
    /// - Throws: ``ConfigError`` as ``ProjectOptions/load()`` when there is none, here or stored.
    func requiredProject(_ options: ProjectOptions) async throws -> (ConfigProject, TenantStoreOptions) {
        let choice = options.choice()
        if RemoteFeed.isFeed(choice.path) { return try await stored(at: choice.path) }
        let local = Result { () throws(ConfigError) in try options.load(choice: choice) }
        switch local {
        case .success(let project):
            return (project, self)
        case .failure(let error):
            let missing = [ConfigError.Code.noConfiguration, .unreadable].contains(error.code)
            guard missing, !choice.origin.isNamed, let stored = try await storedAtStore() else { throw error }
            return stored
        }
    }

    /// The configuration stored under `url`, and these options with the store defaulting to `url`.
    private func stored(at url: String) async throws -> (ConfigProject, TenantStoreOptions) {
        var request = remoteRequest(url: url, project: nil)
        // A command, not a server: the feed says nothing unless something goes wrong.
        request.logLevel = "warning"
        let project = try await RemoteFeed.loadProject(request)
        var stores = self
        if stores.store == nil { stores.store = url }
        return (project, stores)
    }

    /// The configuration stored under the prefix of `--store` (`etcd://…`), when it holds one.
    private func storedAtStore() async throws -> (ConfigProject, TenantStoreOptions)? {
        guard let store, RemoteFeed.isFeed(store) else { return nil }
        do {
            let found = try await stored(at: store)
            Output.diagnostic(
                "note: no local config directory; checking against the configuration stored in \(store) (config/), which bers serve --config-dir \(store) reads"
            )
            return found
        } catch let error as ConfigError where error.code == .noConfiguration {
            return nil
        }
    }
}
