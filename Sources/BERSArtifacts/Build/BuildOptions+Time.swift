import BERS

extension BuildOptions {
    /// `timestamp` in ISO 8601 (`2026-11-29T07:30:12Z`), the form artifacts carry.
    public static func isoTimestamp(_ timestamp: UTCTimestamp) -> String {
        // UTCTimestamp prints `20261129T073012Z`.
        let compact = Array(timestamp.description)
        guard compact.count == 16 else { return timestamp.description }
        let date = "\(String(compact[0..<4]))-\(String(compact[4..<6]))-\(String(compact[6..<8]))"
        return "\(date)T\(String(compact[9..<11])):\(String(compact[11..<13])):\(String(compact[13..<15]))Z"
    }

    /// The build time to stamp: `SOURCE_DATE_EPOCH` (seconds, the reproducible-builds convention)
    /// when `environment` sets it, else now.
    public static func buildTime(environment: [String: String], now: UTCTimestamp = .now()) -> String {
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(Int64.init), epoch >= 0 {
            return isoTimestamp(UTCTimestamp(secondsSince1970: epoch))
        }
        return isoTimestamp(now)
    }
}
