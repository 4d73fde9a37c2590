/// A kept earlier version of a tenant document: `tenants/<id>/<id>-<UTC timestamp>.json` in a
/// store, `<name>-<UTC timestamp>.json` beside a file; a second backup within the same second
/// gets `-2`, `-3`….
public struct TenantBackup: Sendable, Hashable {
    /// The backup's key in the store.
    public let key: String
    /// When it was taken (when the version it holds was replaced).
    public let timestamp: UTCTimestamp
    /// 1 for the first backup of that second, 2 for the next….
    public let attempt: Int

    /// The backup of the document whose backups start with `stem` (`tenants/MYR384719/MYR384719`),
    /// taken at `timestamp`.
    public init(stem: String, timestamp: UTCTimestamp, attempt: Int = 1) {
        self.key = "\(stem)-\(timestamp)\(attempt > 1 ? "-\(attempt)" : "").json"
        self.timestamp = timestamp
        self.attempt = attempt
    }

    /// The backup `key` names, when it is one of `stem`'s backups.
    public init?(key: String, stem: String) {
        guard key.hasPrefix(stem + "-"), key.hasSuffix(".json") else { return nil }
        let name = key.dropFirst(stem.count + 1).dropLast(".json".count)
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let timestamp = UTCTimestamp(parsing: String(parts[0])),
            String(parts[0]) == timestamp.description
        else { return nil }
        let attempt = parts.count == 2 ? Int(parts[1]) : 1
        guard let attempt, attempt >= 1, parts.count == 1 || attempt >= 2 else { return nil }
        self.init(stem: stem, timestamp: timestamp, attempt: attempt)
    }

    /// Newest first: later timestamps, then later attempts.
    static func newerFirst(_ lhs: TenantBackup, _ rhs: TenantBackup) -> Bool {
        (lhs.timestamp.secondsSince1970, lhs.attempt) > (rhs.timestamp.secondsSince1970, rhs.attempt)
    }
}
