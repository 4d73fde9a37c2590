@testable import BERSSchema
import Testing

/// RFC 3492 encoding and decoding, and the A-label round trip the hostname check relies on.
struct PunycodeTests {
    static let samples: [(String, String)] = [
        ("bücher", "bcher-kva"), ("例子", "fsqu00a"), ("실례", "9n2bp8q"), ("münchen", "mnchen-3ya"),
        ("他们为什么不说中文", "ihqwcrb4cv8a8dqg056pqjye"),
    ]

    @Test(arguments: samples)
    func roundTrips(_ sample: (String, String)) throws {
        let scalars = sample.0.unicodeScalars.map(\.value)
        let encoded = try #require(Punycode.encode(scalars))
        #expect(String(decoding: encoded, as: UTF8.self) == sample.1)
        #expect(Punycode.decode(Array(sample.1.utf8)) == scalars)
    }

    @Test func rejectsInvalidInput() {
        #expect(Punycode.decode(Array("X".utf8)) == nil)
        #expect(Punycode.decode(Array("ü-abc".utf8)) == nil)
        #expect(Punycode.decode(Array("99999999999".utf8)) == nil)
        #expect(Punycode.decode(Array("a!".utf8)) == nil)
    }
}
