import BERS

/// The time of a signed request, in the two shapes Signature Version 4 uses:
/// `20130524T000000Z` (``amzDate``, the `x-amz-date` header) and `20130524` (``dateStamp``, the
/// credential scope).
public struct SigV4Timestamp: Sendable, Hashable {
    /// The ISO 8601 basic form, `YYYYMMDDTHHMMSSZ`, in UTC.
    public let amzDate: String

    /// The date part, `YYYYMMDD`.
    public var dateStamp: String { String(amzDate.prefix(8)) }

    /// The timestamp of a number of seconds since 1970-01-01T00:00:00Z.
    ///
    /// ```swift
    /// SigV4Timestamp(secondsSince1970: 1_369_353_600).amzDate  // "20130524T000000Z"
    /// ```
    ///
    /// - Parameter secondsSince1970: Seconds since the Unix epoch (UTC); negative values are clamped to 0.
    public init(secondsSince1970: Int64) {
        amzDate = UTCTimestamp(secondsSince1970: max(0, secondsSince1970)).description
    }

    /// The current time, from the system's real-time clock.
    public static func now() -> SigV4Timestamp {
        SigV4Timestamp(secondsSince1970: UTCTimestamp.now().secondsSince1970)
    }
}
