import BERSTestSupport
import BERSJSON
import Testing

/// Values the parser builds.
struct JSONParserTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONValue(
            parsing: #" {"n": null, "t": true, "f": false, "i": -42, "d": 2.5, "s": "x", "a": [], "o": {}} "#
        )
        let expected: JSONValue = ["n": nil, "t": true, "f": false, "i": -42, "d": 2.5, "s": "x", "a": [], "o": [:]]
        #expect(value.isIdentical(to: expected))
    }

    @Test func keepsObjectKeyOrder() throws {
        let value = try JSONValue(parsing: #"{"zeta": 1, "alpha": 2, "mid": 3}"#)
        #expect(value.objectValue?.keys == ["zeta", "alpha", "mid"])
    }

    @Test func keepsKeyOrderAndLookupInLargeObjects() throws {
        let keys = (0..<40).map { "key\(39 - $0)" }
        let text = "{" + keys.enumerated().map { "\"\($1)\": \($0)" }.joined(separator: ",") + "}"
        let object = try #require(try JSONValue(parsing: text).objectValue)
        #expect(object.keys == keys)
        #expect(object["key0"] == .integer(39))
    }

    @Test func rejectsDuplicateKeysInLargeObjects() throws {
        let text = "{" + (0..<20).map { "\"k\($0)\": 0" }.joined(separator: ",") + ", \"k3\": 1}"
        let error = try #require(throws: JSONError.self) { try JSONParser().parse(text, file: "big.json") }
        #expect(error.code == .duplicateKey)
        #expect(error.message == #"duplicate key "k3" (first defined at big.json:1:26)"#)
    }

    @Test(arguments: [
        ("0", JSONValue.integer(0)),
        ("-0", .integer(0)),
        ("42", .integer(42)),
        ("9223372036854775807", .integer(.max)),
        ("-9223372036854775808", .integer(.min)),
        ("9223372036854775808", .double(9_223_372_036_854_775_808)),
        ("-9223372036854775809", .double(-9_223_372_036_854_775_809)),
        ("123456789012345678901234567890", .double(1.2345678901234568e29)),
        ("1.0", .double(1)),
        ("1E2", .double(100)),
        ("1e-2", .double(0.01)),
        ("2.5e+3", .double(2500)),
        ("0.1", .double(0.1)),
        ("0.30000000000000004", .double(0.30000000000000004)),
        ("1e-400", .double(0)),
        ("4.9e-324", .double(4.9e-324)),
        ("1.7976931348623157e308", .double(1.7976931348623157e308)),
        ("0.000001234", .double(0.000001234)),
        ("1.00000000000000000000000000001", .double(1)),
        ("123456789012345.678", .double(123456789012345.678)),
    ])
    func parsesNumbers(text: String, expected: JSONValue) throws {
        let value = try JSONValue(parsing: text)
        #expect(value.isIdentical(to: expected), "\(text) gave \(value)")
    }

    @Test func negativeZeroDoubleKeepsItsSign() throws {
        let value = try JSONValue(parsing: "-0.0")
        #expect(value.doubleValue?.sign == .minus)
    }

    @Test func roundTripsRandomDoublesExactly() throws {
        var generator = SplitMix64(seed: 0x5EED)
        for _ in 0..<20_000 {
            let double = Double(bitPattern: generator.next() & 0x7FEF_FFFF_FFFF_FFFF)
            for text in [double.description, "\(double)".replacingOccurrencesOfE(), String(Float(double))] {
                guard let expected = Double(text), expected.isFinite else { continue }
                let parsed = try JSONValue(parsing: text)
                #expect(parsed.doubleValue == expected, "\(text)")
            }
        }
    }

    @Test func decodesEscapesAndUnicode() throws {
        let value = try JSONValue(parsing: #"["a\"b\\c\/d\b\f\n\r\t", "\u00e9\u20AC\ud83d\ude00", "é€😀", "\u0000"]"#)
        #expect(value == ["a\"b\\c/d\u{8}\u{C}\n\r\t", "é€😀", "é€😀", "\u{0}"])
    }

    @Test func skipsALeadingByteOrderMark() throws {
        let document = try JSONParser().parse([0xEF, 0xBB, 0xBF] + Array(#"{"a": 1}"#.utf8), file: "bom.json")
        #expect(document.value == ["a": 1])
        #expect(document.location(of: "/a")?.description == "bom.json:1:7")
    }

    @Test func parsesAllEntryPointsAlike() throws {
        let text = #"{"a": [1, "é"]}"#
        let bytes = Array(text.utf8)
        let parser = JSONParser()
        let fromString = try parser.parse(text).value
        #expect(try parser.parse(bytes).value.isIdentical(to: fromString))
        #expect(try parser.parse(bytes: bytes[...]).value.isIdentical(to: fromString))
        #expect(try parser.parse(bytes: Set([UInt8(ascii: "7")])).value == 7)
        let raw = try bytes.withUnsafeBytes { buffer throws(JSONError) in try parser.parse(buffer) }
        #expect(raw.value.isIdentical(to: fromString))
    }

    @Test func skipsPositionsWhenAskedTo() throws {
        let parser = JSONParser(options: .init(recordPositions: false))
        let document = try parser.parse(#"{"a": [1, 2]}"#)
        #expect(document.valuePositions.isEmpty && document.keyPositions.isEmpty)
        #expect(document.value == ["a": [1, 2]])
    }

    @Test func parsesDeepNestingUpToTheLimit() throws {
        let depth = 512
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let document = try JSONParser().parse(text)
        #expect(document.valuePositions.count == depth)
    }
}

extension String {
    /// Swift prints `1e-07`; JSON accepts it too, and so does `1E-07`.
    func replacingOccurrencesOfE() -> String { String(map { $0 == "e" ? "E" : $0 }) }
}
