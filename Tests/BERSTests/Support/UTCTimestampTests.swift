import BERS
import Testing

struct UTCTimestampTests {
    @Test(
        arguments: [
            (784_111_777, "Sun, 06 Nov 1994 08:49:37 GMT", "19941106T084937Z"),
            (0, "Thu, 01 Jan 1970 00:00:00 GMT", "19700101T000000Z"),
            (951_782_400, "Tue, 29 Feb 2000 00:00:00 GMT", "20000229T000000Z"),
            (1_772_323_200, "Sun, 01 Mar 2026 00:00:00 GMT", "20260301T000000Z"),
            (-1, "Wed, 31 Dec 1969 23:59:59 GMT", "19691231T235959Z"),
        ] as [(Int64, String, String)]
    )
    func httpDatesAndCompactTimestamps(seconds: Int64, httpDate: String, compact: String) {
        let timestamp = UTCTimestamp(secondsSince1970: seconds)
        #expect(timestamp.httpDate == httpDate)
        #expect(timestamp.description == compact)
    }
}
