import BERS

extension RemoteFeed {
    /// The project mirrored from `<prefix>config/` (`--config-dir etcd://…`), which must hold a
    /// configuration.
    ///
    /// - Parameter url: The store URL, for the message.
    /// - Throws: ``ConfigError`` `config.no-configuration` when `config/` holds no configuration,
    ///   or what loading the mirrored files reports.
    func project(url: String) throws(ConfigError) -> ConfigProject {
        let empty = ConfigError(
            .noConfiguration,
            "\(url) holds no configuration under config/: copy a config directory there with bers sync --config-from DIR --to \(url)"
        )
        guard fileSystem.directoryExists(atPath: directory) else { throw empty }
        let project = try ConfigProject(directory: directory, fileSystem: fileSystem)
        guard project.hasConfiguration else { throw empty }
        return project
    }

    /// Reads the project stored at `request.url` (`etcd://…`) as `bers serve --config-dir` does,
    /// then stops the feed: the project keeps the files mirrored when it was read.
    ///
    /// - Throws: ``ConfigError`` as ``project(url:)``; ``TenantError`` when the store cannot be read.
    static func loadProject(_ request: RemoteStoreRequest) async throws -> ConfigProject {
        try await TenantStoreOptions.remoteProvider()
            .withFeed(request, mirrorsConfiguration: true) { remote in
                guard let remote else { throw UsageError(message: "\(request.url) cannot be followed") }
                return try remote.project(url: request.url)
            }
    }
}
