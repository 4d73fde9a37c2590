/// RFC 3339 `date`, `time`, `date-time` and Appendix A `duration`.
enum DateTimeFormats {
    /// `full-date`: `YYYY-MM-DD` with a real day of the month.
    static let isDate: @Sendable (String) -> Bool = { string in
        string.withUTF8Bytes { bytes in bytes.count == 10 && date(bytes, 0) }
    }

    /// `full-time`: `HH:MM:SS[.frac](Z|±HH:MM)`, leap second only at 23:59:60 UTC.
    static let isTime: @Sendable (String) -> Bool = { string in
        string.withUTF8Bytes { bytes in time(bytes, 0) }
    }

    /// `date-time`: `full-date T full-time` (`T` and `Z` in either case).
    static let isDateTime: @Sendable (String) -> Bool = { string in
        string.withUTF8Bytes { bytes in
            bytes.count > 11 && date(bytes, 0) && (bytes[10] | 0x20) == 0x74 && time(bytes, 11)
        }
    }

    /// Draft 3 `time`: `hh:mm:ss`.
    static let isDraft3Time: @Sendable (String) -> Bool = { string in
        string.withUTF8Bytes { bytes in
            guard bytes.count == 8, bytes[2] == 0x3A, bytes[5] == 0x3A,
                let hour = twoDigits(bytes, 0), let minute = twoDigits(bytes, 3), let second = twoDigits(bytes, 6)
            else { return false }
            return hour < 24 && minute < 60 && second < 61
        }
    }

    /// RFC 3339 Appendix A `duration`: `P` then date parts (Y, M, D contiguous, in order) and/or
    /// `T` and time parts (H, M, S contiguous, in order), or weeks alone.
    static let isDuration: @Sendable (String) -> Bool = { string in
        string.withUTF8Bytes { bytes in duration(bytes) }
    }

    @inline(__always)
    static func twoDigits(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int? {
        guard index + 1 < bytes.count, bytes[index].isASCIIDigit, bytes[index + 1].isASCIIDigit else { return nil }
        return Int(bytes[index] - 0x30) * 10 + Int(bytes[index + 1] - 0x30)
    }

    static func date(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        guard start + 10 <= bytes.count, let century = twoDigits(bytes, start), let yy = twoDigits(bytes, start + 2),
            bytes[start + 4] == 0x2D, let month = twoDigits(bytes, start + 5), bytes[start + 7] == 0x2D,
            let day = twoDigits(bytes, start + 8)
        else { return false }
        let year = century * 100 + yy
        guard month >= 1, month <= 12, day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        switch month {
        case 2: return day <= (leap ? 29 : 28)
        case 4, 6, 9, 11: return day <= 30
        default: return day <= 31
        }
    }

    static func time(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        guard let hour = twoDigits(bytes, start), start + 8 <= bytes.count, bytes[start + 2] == 0x3A,
            let minute = twoDigits(bytes, start + 3), bytes[start + 5] == 0x3A,
            let second = twoDigits(bytes, start + 6),
            hour < 24, minute < 60, second <= 60
        else { return false }
        var index = start + 8
        if index < bytes.count, bytes[index] == 0x2E {
            index += 1
            let digits = index
            while index < bytes.count, bytes[index].isASCIIDigit { index += 1 }
            if index == digits { return false }
        }
        guard index < bytes.count else { return false }
        var offsetMinutes = 0
        switch bytes[index] {
        case 0x5A, 0x7A:  // Z z
            index += 1
        case 0x2B, 0x2D:  // + -
            guard index + 6 == bytes.count, let offsetHour = twoDigits(bytes, index + 1), bytes[index + 3] == 0x3A,
                let offsetMinute = twoDigits(bytes, index + 4), offsetHour < 24, offsetMinute < 60
            else { return false }
            offsetMinutes = (offsetHour * 60 + offsetMinute) * (bytes[index] == 0x2B ? 1 : -1)
            index += 6
        default:
            return false
        }
        guard index == bytes.count else { return false }
        if second == 60 {
            // A leap second is 23:59:60 in UTC.
            let utc = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
            return utc == 23 * 60 + 59
        }
        return true
    }

    static func duration(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 3, bytes[0] == 0x50 else { return false }  // P
        var index = 1
        // Reads digits then a unit letter; returns the unit.
        func component() -> UInt8? {
            let digits = index
            while index < bytes.count, bytes[index].isASCIIDigit { index += 1 }
            guard index > digits, index < bytes.count else { return nil }
            index += 1
            return bytes[index - 1]
        }
        func run(time: Bool) -> Bool? {
            // Units must be consecutive in Y M D (or H M S); returns whether at least one was read.
            var next = -1
            var any = false
            while index < bytes.count, bytes[index] != 0x54 {
                guard let unit = component(), let position = unitPosition(unit, time: time) else { return nil }
                if any, position != next + 1 { return nil }
                next = position
                any = true
            }
            return any
        }
        if bytes[index] != 0x54 {
            let save = index
            if let unit = component(), unit == 0x57 {  // W: weeks alone
                return index == bytes.count
            }
            index = save
            guard run(time: false) == true else { return false }  // Y M D
            if index == bytes.count { return true }
        }
        guard bytes[index] == 0x54 else { return false }  // T
        index += 1
        guard index < bytes.count, run(time: true) == true else { return false }  // H M S
        return index == bytes.count
    }

    private static func unitPosition(_ unit: UInt8, time: Bool) -> Int? {
        switch (unit, time) {
        case (0x59, false), (0x48, true): return 0  // Y H
        case (0x4D, _): return 1  // M
        case (0x44, false), (0x53, true): return 2  // D S
        default: return nil
        }
    }
}
