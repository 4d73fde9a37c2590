import BERS

extension EtcdFeed {
    /// A ``LiveConfiguration`` of the mirrored layer files, watching this feed: a put under
    /// `<prefix>config/` that resolves to a valid configuration becomes a new generation, any
    /// other is refused and the last good generation stays.
    ///
    /// ```swift
    /// let feed = try await EtcdFeed.connect(url: "etcd://127.0.0.1:2379/picasso", httpClient: client)
    /// let live = try feed.liveConfiguration(environment: .staging)
    /// for await event in live.events() { … }
    /// ```
    ///
    /// - Parameters:
    ///   - environment: The environment; `nil` detects it from the mirrored `bers.json`.
    ///   - options: Override variables and assignments, applied on every reload.
    /// - Throws: ``ConfigError``: what `bers resolve` would report for the mirrored files.
    public func liveConfiguration(
        environment: Environment? = nil,
        options: ResolveOptions = ResolveOptions()
    ) throws(ConfigError) -> LiveConfiguration {
        try LiveConfiguration.start(
            directory: directory,
            environment: environment,
            options: options,
            fileSystem: fileSystem,
            makeWatcher: makeWatcher
        )
    }
}
