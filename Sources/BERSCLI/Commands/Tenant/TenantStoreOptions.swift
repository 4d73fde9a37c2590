import ArgumentParser
import BERS
import Foundation

/// `--store` and `--s3-endpoint`, shared by the tenant commands.
struct TenantStoreOptions: ParsableArguments {
    @Option(
        help: "The tenant store URL: file://DIR, s3://bucket/prefix, https://host/prefix or etcd://host:port/prefix."
    )
    var store: String?

    @Option(
        name: .customLong("s3-endpoint"),
        help: "An S3-compatible endpoint (default: AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL, or AWS)."
    )
    var s3Endpoint: String?

    /// The store URL to use, and the directory a relative `file://` URL is relative to.
    func url(project: ConfigProject?) throws(TenantError) -> (url: String, base: String) {
        if let store { return (store, ".") }
        if let project, let configured = project.settings.tenants.store { return (configured, project.directory) }
        throw TenantError(.invalidStore, "no tenant store: pass --store, or set tenants.store in bers.json")
    }

    /// Runs `body` with the store, closing any network client afterwards.
    func withStore<Result: Sendable>(
        project: ConfigProject?,
        _ body: (any TenantStore) async throws -> Result
    ) async throws -> Result {
        let (url, base) = try url(project: project)
        return try await Self.withStore(remoteRequest(url: url, project: project), relativeTo: base, body)
    }

    /// Runs `body` with the store `request` names: a `file://` store here (relative to `base`),
    /// any other through the network provider, which closes its client afterwards.
    static func withStore<Result: Sendable>(
        _ request: RemoteStoreRequest,
        relativeTo base: String,
        _ body: (any TenantStore) async throws -> Result
    ) async throws -> Result {
        if request.url.hasPrefix(FileSystemTenantStore.scheme) {
            let store = try FileSystemTenantStore(url: request.url, relativeTo: base, maxBytes: request.maxBytes)
            return try await body(store)
        }
        return try await remoteProvider().withStore(request, body)
    }

    /// What the network side needs to open the remote store at `url`.
    func remoteRequest(url: String, project: ConfigProject?) -> RemoteStoreRequest {
        RemoteStoreRequest(
            url: url,
            s3Endpoint: s3Endpoint,
            environment: ProcessInfo.processInfo.environment,
            timeoutMilliseconds: project?.settings.tenants.timeoutMilliseconds ?? 4000,
            maxBytes: project?.settings.tenants.maxBytes ?? (1 << 20)
        )
    }

    /// The provider of network stores of this build.
    ///
    /// - Throws: ``MissingComponentError`` when the build has none.
    static func remoteProvider() throws -> any RemoteStoreProvider {
        guard let provider = RemoteStores.provider else {
            throw MissingComponentError(
                message: "this build of bers has no network tenant stores (s3://, http(s)://, etcd://)"
            )
        }
        return provider
    }

    /// Whether `url` names a store that needs the network (anything but `file://`).
    static func isRemote(_ url: String) -> Bool {
        !url.hasPrefix(FileSystemTenantStore.scheme)
    }
}

/// The project, when the config directory has one (tenant commands also work without).
func optionalProject(_ options: ProjectOptions) throws(ConfigError) -> ConfigProject? {
    let directory = options.directory
    // The error that names the commands that read a config directory from etcd.
    if RemoteFeed.isFeed(directory) { return try options.load() }
    guard LocalFileSystem().directoryExists(atPath: directory) else {
        if options.configDirectory != nil {
            throw ConfigError(.unreadable, "config directory \(directory) does not exist")
        }
        return nil
    }
    return try ConfigProject(directory: directory)
}
