import BERS
import Testing

/// `UTCTimestamp(parsing:)`: the basic form of backup names and the extended ISO 8601 form, UTC
/// only, real calendar dates only.
@Suite struct UTCTimestampParsingTests {
    @Test(
        arguments: [
            ("20261204T100000Z", 1_796_378_400), ("2026-12-04T10:00:00Z", 1_796_378_400),
            ("2024-02-29T23:59:59Z", 1_709_251_199), ("20000101T000000Z", 946_684_800),
            ("1970-01-01T00:00:00Z", 0), ("19691231T235959Z", -1),
        ] as [(String, Int64)]
    )
    func validTimestampsParse(text: String, seconds: Int64) throws {
        let timestamp = try #require(UTCTimestamp(parsing: text))
        #expect(timestamp.secondsSince1970 == seconds)
    }

    @Test(
        arguments: [
            "", "garbage", "20261304T100000Z", "2026-13-04T10:00:00Z", "2026-02-30T10:00:00Z", "2026-02-29T00:00:00Z",
            "2026-04-31T00:00:00Z", "2026-00-10T00:00:00Z", "2026-12-00T00:00:00Z", "2026-12-04T24:00:00Z",
            "2026-12-04T10:60:00Z", "2026-12-04T10:00:60Z", "2026-12-04T10:00:00", "2026-12-04T10:00:00+01:00",
            "2026-12-04 10:00:00Z", "20261204t100000z", "2026-12-04T10:00Z", " 20261204T100000Z",
            "2026:12:04T10-00-00Z", "2026-1204T10:0000Z", "-20261204T100000Z", "+0261204T100000Z",
            "2026+1-04T10:00:00Z",
            "２０２６1204T100000Z",
        ]
    )
    func invalidTimestampsDoNot(text: String) {
        #expect(UTCTimestamp(parsing: text) == nil)
    }

    @Test(arguments: [0, -1, 951_782_400, 1_796_378_400, 4_102_444_799] as [Int64])
    func bothFormsRoundTrip(seconds: Int64) throws {
        let timestamp = UTCTimestamp(secondsSince1970: seconds)
        #expect(UTCTimestamp(parsing: timestamp.iso8601) == timestamp)
        #expect(UTCTimestamp(parsing: timestamp.description) == timestamp)
    }

    @Test func theExtendedFormSeparatesDateAndTime() {
        let timestamp = UTCTimestamp(secondsSince1970: 1_796_378_400)
        #expect(timestamp.description == "20261204T100000Z")
        #expect(timestamp.iso8601 == "2026-12-04T10:00:00Z")
        #expect(UTCTimestamp(secondsSince1970: 951_782_400).iso8601 == "2000-02-29T00:00:00Z")
    }
}
