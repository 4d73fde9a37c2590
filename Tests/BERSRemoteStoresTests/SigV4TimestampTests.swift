import BERSRemoteStores
import Testing

struct SigV4TimestampTests {
    @Test(arguments: [
        (Int64(0), "19700101T000000Z"),
        (1_369_353_600, "20130524T000000Z"),
        (1_440_938_160, "20150830T123600Z"),
        (951_782_400, "20000229T000000Z"),
        (4_107_542_399, "21000228T235959Z"),
        (-5, "19700101T000000Z"),
    ])
    func formatsUTCBasicISO8601(seconds: Int64, expected: String) {
        let time = SigV4Timestamp(secondsSince1970: seconds)
        #expect(time.amzDate == expected)
        #expect(time.dateStamp == String(expected.prefix(8)))
    }

    @Test func nowIsAfter2020() {
        #expect(SigV4Timestamp.now().dateStamp > "20200101")
    }
}
