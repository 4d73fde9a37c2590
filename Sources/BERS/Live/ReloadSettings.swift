import BERSJSON

/// The `reload` section of `bers.json`: how a ``LiveConfiguration`` follows its files.
///
/// ```json
/// "reload": {"debounce-ms": 100, "poll-interval-ms": 1000}
/// ```
public struct ReloadSettings: Sendable, Hashable {
    /// How long the files must stay unchanged before a reload starts (trailing edge).
    public var debounceMilliseconds: Int64
    /// How often the polling watcher (platforms without inotify) looks at the files.
    public var pollIntervalMilliseconds: Int64

    /// The defaults: 100 ms of quiet before a reload, polling once a second.
    public init(debounceMilliseconds: Int64 = 100, pollIntervalMilliseconds: Int64 = 1000) {
        self.debounceMilliseconds = debounceMilliseconds
        self.pollIntervalMilliseconds = pollIntervalMilliseconds
    }

    /// Reads the `reload` section.
    ///
    /// - Throws: ``ConfigError`` `config.invalid-project-file` for unknown keys and values out of
    ///   range (debounce 0 to 60,000 ms, polling 10 to 3,600,000 ms).
    init(reader: DocumentReader) throws(ConfigError) {
        self.init()
        try reader.rejectUnknownKeys(at: "/reload", allowed: ["debounce-ms", "poll-interval-ms"])
        debounceMilliseconds = try reader.integer(at: "/reload/debounce-ms", range: 0...60_000) ?? 100
        pollIntervalMilliseconds = try reader.integer(at: "/reload/poll-interval-ms", range: 10...3_600_000) ?? 1000
    }
}
