import ArgumentParser
import BERS
import BERSJSON
import Foundation

/// `bers serve`: the configuration service over HTTP.
struct ServeCommand: AsyncParsableCommand, ProjectCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the configuration, the tenants and the legacy get_config route over HTTP.",
        discussion: """
            Routes: GET /v1/environments, /v1/config/{env} (?provenance=true, ?path=a.b), \
            /v1/tenants/{hash}?env=E, /?action=get_config&t=HASH and /Master_Function?action=…, \
            /healthz, /readyz, /metrics, /v1/status; POST /v1/reload and /v1/tenants/{hash}/invalidate. \
            Options come from the serve section of bers.json; flags take precedence. Prints \
            `listening on http://HOST:PORT` once the socket listens; SIGTERM or SIGINT stops \
            accepting connections, finishes the requests in flight and exits 0. The files are \
            watched: a valid edit is served within the debounce interval, an invalid one is \
            refused and the last good configuration stays.
            """
    )

    @OptionGroup var project: ProjectOptions
    @OptionGroup var environment: EnvironmentOptions
    @OptionGroup var overrides: OverrideOptions
    @OptionGroup var stores: TenantStoreOptions

    @Option(help: "The address to listen on (default: serve.host, or 127.0.0.1).")
    var host: String?

    @Option(help: "The port (default: serve.port, or 8080; 0 picks a free port).")
    var port: Int?

    @Option(help: ArgumentHelp("A tokens file: SHA-256 digests of bearer tokens and their scopes.", valueName: "file"))
    var tokens: String?

    @Option(
        name: .customLong("allow-origin"),
        help: ArgumentHelp("A browser origin allowed by CORS (repeatable).", valueName: "origin")
    )
    var allowOrigins: [String] = []

    @Option(help: "Event-loop threads answering requests (default: serve.threads, or one per core).")
    var threads: Int?

    @Option(name: .customLong("log-level"), help: "trace, debug, info (default), notice, warning, error or critical.")
    var logLevel = "info"

    func validate() throws {
        if let port, !(0...65_535).contains(port) { throw ValidationError("--port must be 0 to 65535") }
        if let threads, !(1...256).contains(threads) { throw ValidationError("--threads must be 1 to 256") }
        let levels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
        guard levels.contains(logLevel) else {
            throw ValidationError("--log-level must be one of \(levels.joined(separator: ", "))")
        }
    }

    func run() async throws {
        guard let launcher = ServerLaunchers.launcher else {
            throw MissingComponentError(message: "this build of bers has no HTTP server (bers serve runs in bers-net)")
        }
        let choice = project.choice()
        if RemoteFeed.isFeed(choice.path) {
            guard stores.store == nil else {
                throw UsageError(
                    message:
                        "with --config-dir \(choice.path), tenants are read from the same prefix (the store the feed watches); drop --store"
                )
            }
            var request = stores.remoteRequest(url: choice.path, project: nil)
            request.logLevel = logLevel
            try await TenantStoreOptions.remoteProvider()
                .withFeed(request, mirrorsConfiguration: true) { remote in
                    guard let remote else { throw UsageError(message: "\(choice.path) cannot be followed") }
                    let project = try remote.project(url: choice.path)
                    let request = try serveRequest(
                        project,
                        fileSystem: remote.fileSystem,
                        makeWatcher: remote.makeWatcher,
                        feed: remote.feed
                    )
                    try await launcher.serve(request, store: remote.store)
                }
            return
        }
        let project = try project.load()
        var request = try serveRequest(
            project,
            fileSystem: LocalFileSystem(),
            makeWatcher: LiveConfiguration.systemWatcher
        )
        let storeURL = try? stores.url(project: project).url
        if let storeURL, RemoteFeed.isFeed(storeURL) {
            var remoteRequest = stores.remoteRequest(url: storeURL, project: project)
            remoteRequest.logLevel = logLevel
            try await TenantStoreOptions.remoteProvider()
                .withFeed(remoteRequest, mirrorsConfiguration: false) { remote in
                    request.feed = remote?.feed
                    try await launcher.serve(request, store: remote?.store)
                }
        } else if storeURL == nil {
            try await launcher.serve(request, store: nil)
        } else {
            try await stores.withStore(project: project) { store in try await launcher.serve(request, store: store) }
        }
    }

    /// What the launcher serves: the environment of `project` this server detects for itself,
    /// live on `fileSystem`, with the settings, tokens and detection of `project`.
    private func serveRequest(
        _ project: ConfigProject,
        fileSystem: any FileSystem,
        makeWatcher: @escaping LiveConfiguration.WatcherFactory,
        feed: (any ChangeFeed)? = nil
    ) throws -> ServeRequest {
        let (environment, detection) = try self.environment.resolveEnvironment(in: project)
        let resolveOptions = try overrides.resolveOptions
        let live = try LiveConfiguration(
            directory: project.directory,
            environment: environment,
            options: resolveOptions,
            fileSystem: fileSystem,
            makeWatcher: makeWatcher
        )
        overrides.reportWarnings(of: live.current.configuration)
        let tokens =
            try tokens.map { path throws(ConfigError) in try AccessTokens(file: path) } ?? project.accessTokens()
        return ServeRequest(
            live: live,
            settings: serveSettings(project.settings.serve),
            tokens: tokens,
            detection: detection?.jsonValue,
            resolveOptions: resolveOptions,
            logLevel: logLevel,
            feed: feed
        )
    }

    /// The `serve` section with the flags applied.
    private func serveSettings(_ configured: ServeSettings) -> ServeSettings {
        var settings = configured
        if let host { settings.host = host }
        if let port { settings.port = port }
        if !allowOrigins.isEmpty { settings.allowedOrigins = allowOrigins }
        if let threads { settings.threads = threads }
        return settings
    }
}
