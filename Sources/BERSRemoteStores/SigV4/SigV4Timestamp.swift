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
        let seconds = max(0, secondsSince1970)
        let days = seconds / 86_400
        let secondOfDay = seconds % 86_400
        let (year, month, day) = Self.civilDate(daysSince1970: days)
        amzDate =
            Self.digits(year, 4) + Self.digits(month, 2) + Self.digits(day, 2) + "T"
            + Self.digits(secondOfDay / 3600, 2) + Self.digits(secondOfDay % 3600 / 60, 2)
            + Self.digits(secondOfDay % 60, 2) + "Z"
    }

    /// The current time, from the system's real-time clock.
    public static func now() -> SigV4Timestamp {
        SigV4Timestamp(secondsSince1970: Int64(currentUnixTime()))
    }

    /// Year, month and day of a day count (Howard Hinnant's `civil_from_days`).
    private static func civilDate(daysSince1970: Int64) -> (Int64, Int64, Int64) {
        let z = daysSince1970 + 719_468
        let era = z / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    private static func digits(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
