extension UTCTimestamp {
    /// Reads `20261204T100000Z` (the form of ``description``, used in backup names) or
    /// `2026-12-04T10:00:00Z`; `nil` for anything else (other zones are not accepted).
    public init?(parsing text: String) {
        // The extended form has its separators exactly there; only ASCII digits elsewhere (so
        // `Int64` never sees a sign).
        let written = Array(text.unicodeScalars)
        let separators = [4: "-", 7: "-", 13: ":", 16: ":"] as [Int: Unicode.Scalar]
        let isExtended = written.count == 20 && separators.allSatisfy { written[$0.key] == $0.value }
        let scalars = isExtended ? written.indices.filter { separators[$0] == nil }.map { written[$0] } : written
        guard scalars.count == 16, scalars[8] == "T", scalars[15] == "Z",
            scalars.indices.allSatisfy({ $0 == 8 || $0 == 15 || ("0"..."9").contains(scalars[$0]) })
        else { return nil }
        func number(_ range: Range<Int>) -> Int64? {
            Int64(String(String.UnicodeScalarView(scalars[range])))
        }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8),
            let hour = number(9..<11), let minute = number(11..<13), let second = number(13..<15),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60
        else { return nil }
        let days = Self.days(fromCivil: year, month, day)
        guard Self.civil(fromDays: days) == (year, month, day) else { return nil }
        self.init(secondsSince1970: days * 86_400 + hour * 3600 + minute * 60 + second)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

extension UTCTimestamp {
    /// `2026-12-04T10:00:00Z` (ISO 8601 extended form).
    public var iso8601: String {
        let basic = Array(description)
        guard basic.count == 16 else { return description }
        func part(_ range: Range<Int>) -> String { String(basic[range]) }
        return "\(part(0..<4))-\(part(4..<6))-\(part(6..<8))T\(part(9..<11)):\(part(11..<13)):\(part(13..<15))Z"
    }
}
