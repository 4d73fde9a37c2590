#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A UTC time formatted for object keys and reports: `20261129T073012Z` (compact ISO 8601).
public struct UTCTimestamp: Sendable, Hashable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let secondsSince1970: Int64

    /// The timestamp of `secondsSince1970`.
    public init(secondsSince1970: Int64) { self.secondsSince1970 = secondsSince1970 }

    /// The current time.
    public static func now() -> UTCTimestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return UTCTimestamp(secondsSince1970: Int64(spec.tv_sec))
    }

    /// `YYYYMMDDTHHMMSSZ`.
    public var description: String {
        let (days, seconds) = daysAndSeconds
        let (year, month, day) = UTCTimestamp.civil(fromDays: days)
        let two = UTCTimestamp.twoDigits
        return "\(year)\(two(month))\(two(day))T\(two(seconds / 3600))\(two(seconds % 3600 / 60))\(two(seconds % 60))Z"
    }

    /// `Sun, 06 Nov 1994 08:49:37 GMT`: the IMF-fixdate of HTTP `Date` headers (RFC 9110).
    public var httpDate: String {
        let (days, seconds) = daysAndSeconds
        let (year, month, day) = UTCTimestamp.civil(fromDays: days)
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]  // 1970-01-01 was a Thursday
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let two = UTCTimestamp.twoDigits
        let time = "\(two(seconds / 3600)):\(two(seconds % 3600 / 60)):\(two(seconds % 60))"
        return "\(weekdays[Int((days % 7 + 7) % 7)]), \(two(day)) \(months[Int(month) - 1]) \(year) \(time) GMT"
    }

    /// Whole days since 1970 (rounded down) and the seconds into the last one.
    private var daysAndSeconds: (Int64, Int64) {
        let days = secondsSince1970 >= 0 ? secondsSince1970 / 86_400 : (secondsSince1970 - 86_399) / 86_400
        return (days, secondsSince1970 - days * 86_400)
    }

    private static func twoDigits(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
    static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
        let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
