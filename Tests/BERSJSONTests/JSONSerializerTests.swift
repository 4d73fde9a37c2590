import BERSTestSupport
import BERSJSON
import Testing

/// The three layouts, string escaping and round trips.
struct JSONSerializerTests {
    static let sample: JSONValue = [
        "name": "widget", "size": [1, 2.5, true, nil], "empty": [:], "none": [], "nested": ["a": ["b": "c"]],
    ]

    @Test func compactHasNoWhitespace() {
        #expect(
            Self.sample.jsonText
                == #"{"name":"widget","size":[1,2.5,true,null],"empty":{},"none":[],"nested":{"a":{"b":"c"}}}"#
        )
    }

    @Test func prettyMatchesJSONStringifyWithTwoSpaces() {
        let expected = """
            {
              "name": "widget",
              "size": [
                1,
                2.5,
                true,
                null
              ],
              "empty": {},
              "none": [],
              "nested": {
                "a": {
                  "b": "c"
                }
              }
            }

            """
        #expect(Self.sample.jsonText(.pretty) == expected)
    }

    @Test func prettyHonoursTheIndentAndEndsScalarsWithANewline() {
        #expect(JSONValue.array([1, [2]]).jsonText(.pretty(indent: 4)) == "[\n    1,\n    [\n        2\n    ]\n]\n")
        #expect(JSONValue.integer(7).jsonText(.pretty) == "7\n")
        #expect(JSONValue.array([1, 2]).jsonText(.pretty(indent: 0)) == "[1,2]\n")
    }

    @Test func canonicalSortsKeysByUTF16CodeUnits() {
        // RFC 8785 §3.2.3: "\u{10000}" (D800 DC00) sorts before "\u{FB33}" in UTF-16, though not
        // in code point order.
        let value: JSONValue = ["b": 1, "a": ["z": 1, "y": 2], "\u{FB33}": 3, "\u{10000}": 4, "\r": 5, "1": 6, "é": 7]
        #expect(
            value.jsonText(.canonical)
                == "{\"\\r\":5,\"1\":6,\"a\":{\"y\":2,\"z\":1},\"b\":1,\"é\":7,\"\u{10000}\":4,\"\u{FB33}\":3}"
        )
    }

    @Test(arguments: [
        (1e21, "1e+21"),
        (1e20, "100000000000000000000"),
        (333_333_333.33333329, "333333333.3333333"),
        (4.50, "4.5"),
        (2e-3, "0.002"),
        (1e-27, "1e-27"),
        (1e-7, "1e-7"),
        (1e-6, "0.000001"),
        (0.000001234, "0.000001234"),
        (-0.0, "0"),
        (0.0, "0"),
        (1.0, "1"),
        (-1.5, "-1.5"),
        (5e-324, "5e-324"),
        (-5e-324, "-5e-324"),
        (1.7976931348623157e308, "1.7976931348623157e+308"),
        (9_007_199_254_740_992, "9007199254740992"),
        (295_147_905_179_352_830_000, "295147905179352830000"),
        (123_456_789_012_345_680_000, "123456789012345680000"),
        (0.1, "0.1"),
        (1e23, "1e+23"),
        (1.2345e-5, "0.000012345"),
        (1.2345e-7, "1.2345e-7"),
    ])
    func canonicalWritesDoublesAsECMAScriptDoes(double: Double, expected: String) {
        #expect(JSONValue.double(double).jsonText(.canonical) == expected)
    }

    @Test func canonicalWritesIntegersExactly() {
        #expect(
            JSONValue.array([.integer(.max), .integer(.min), 0, -1]).jsonText(.canonical)
                == "[9223372036854775807,-9223372036854775808,0,-1]"
        )
    }

    /// Fuzz finding J1: a double of 2^53 or more is written in its ECMAScript digits, which read
    /// back as the integer they spell: the same number as a double (RFC 8785 reads numbers as
    /// doubles), and the canonical text is a fixed point.
    @Test func aLargeIntegralDoubleReadsBackAsTheSameDouble() throws {
        let value = try JSONValue(parsing: "[1046744073709551615.00]")
        let text = value.jsonText(.canonical)
        #expect(text == "[1046744073709551600]")
        let again = try JSONValue(parsing: text)
        #expect(again[0] == .integer(1_046_744_073_709_551_600))
        #expect(again[0]?.doubleValue == value[0]?.doubleValue)
        #expect(again.jsonText(.canonical) == text)
    }

    @Test(arguments: [
        (1.0, "1.0"), (-0.0, "-0.0"), (0.0, "0.0"), (100.0, "100.0"), (1e21, "1e+21"), (2.5, "2.5"),
        (1e-7, "1e-7"), (1e20, "100000000000000000000.0"),
    ])
    func nonCanonicalDoublesStayDoubles(double: Double, expected: String) throws {
        #expect(JSONValue.double(double).jsonText == expected)
        let reparsed = try JSONValue(parsing: expected)
        #expect(reparsed.isIdentical(to: .double(double)))
        #expect(reparsed.doubleValue?.sign == double.sign)
    }

    @Test func nonFiniteDoublesAreNull() {
        #expect(
            JSONValue.array([.double(.nan), .double(.infinity), .double(-.infinity)]).jsonText == "[null,null,null]"
        )
    }

    @Test func escapesQuotesBackslashesAndControlCharacters() {
        let value = JSONValue.string("q\"b\\s/\u{8}\u{C}\n\r\t\u{0}\u{1F}\u{7F}é€😀\u{2028}")
        #expect(value.jsonText == "\"q\\\"b\\\\s/\\b\\f\\n\\r\\t\\u0000\\u001f\u{7F}é€😀\u{2028}\"")
        #expect(value.jsonText(.canonical) == value.jsonText)
    }

    @Test func asciiOnlyEscapesEveryNonASCIICharacter() throws {
        let value: JSONValue = ["clé": "é€😀\u{7F}x"]
        let text = JSONSerializer(style: .compact, asciiOnly: true).string(value)
        #expect(text == #"{"cl\u00e9":"\u00e9\u20ac\ud83d\ude00"# + "\u{7F}x\"}")
        #expect(text.utf8.allSatisfy { $0 < 0x80 })
        #expect(try JSONValue(parsing: text).isIdentical(to: value))
    }

    @Test func bytesAndStringAgree() {
        let serializer = JSONSerializer(style: .pretty)
        #expect(serializer.bytes(Self.sample) == Array(serializer.string(Self.sample).utf8))
    }

    @Test func roundTripsIdenticallyInCompactAndPrettyStyles() throws {
        var generator = SplitMix64(seed: 42)
        for _ in 0..<300 {
            let value = RandomJSON.value(depth: 0, using: &generator)
            for style in [JSONSerializer.Style.compact, .pretty, .pretty(indent: 3)] {
                for asciiOnly in [false, true] {
                    let text = JSONSerializer(style: style, asciiOnly: asciiOnly).string(value)
                    let reparsed = try JSONValue(parsing: text)
                    #expect(reparsed.isIdentical(to: value), "\(style): \(text)")
                }
            }
            let canonical = try JSONValue(parsing: value.jsonText(.canonical))
            #expect(Self.equalAsDoubles(canonical, value), "\(value.jsonText(.canonical))")
            // Canonical form is a fixed point, whatever the member order.
            #expect(canonical.jsonText(.canonical) == value.jsonText(.canonical))
        }
    }

    /// JSON equality, except that numbers compare as doubles, as RFC 8785 reads them: canonical
    /// text of an integral double above 2^53 (`274064559374097060`) reads back as an integer
    /// that is not exactly the double, though it is the same double again.
    static func equalAsDoubles(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.integer, .double), (.double, .integer), (.double, .double):
            return lhs.doubleValue == rhs.doubleValue
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { equalAsDoubles($0, $1) }
        case (.object(let a), .object(let b)):
            return a.count == b.count
                && a.allSatisfy { member in b[member.key].map { equalAsDoubles(member.value, $0) } ?? false }
        default:
            return lhs == rhs
        }
    }

    @Test func canonicalTextOfLargeIntegralDoublesReadsBackAsTheSameDouble() throws {
        let double = -2.7406455937409706e17
        #expect(JSONValue.double(double).jsonText(.canonical) == "-274064559374097060")
        #expect(try JSONValue(parsing: "-274064559374097060").doubleValue == double)
    }

    @Test func roundTripsEdgeValuesThroughEveryStyle() throws {
        for text in [#"{"a":[1,-0,1.5e300,"\u0000",{"":{}}],"b":-9223372036854775808}"#, #"[1E400]"#] {
            guard let value = try? JSONValue(parsing: text) else { continue }
            for style in [JSONSerializer.Style.compact, .pretty, .canonical] {
                let again = try JSONValue(parsing: value.jsonText(style))
                #expect(style == .canonical ? again == value : again.isIdentical(to: value))
            }
        }
    }
}

/// Random values for round-trip tests.
enum RandomJSON {
    static let strings = [
        "", "a", "timeout", "é", "😀 x", "line\nbreak", "quote\"", "\\", "\u{0}\u{1F}", "\u{FFFF}", "日本語",
    ]

    static func value(depth: Int, using generator: inout SplitMix64) -> JSONValue {
        let choice = generator.next() % (depth > 3 ? 5 : 7)
        switch choice {
        case 0: return .null
        case 1: return .bool(generator.next() % 2 == 0)
        case 2: return .integer(Int64(bitPattern: generator.next()) >> (generator.next() % 64))
        case 3:
            let double = Double(bitPattern: generator.next())
            return .double(double.isFinite ? double : Double(generator.next() % 1000) / 8)
        case 4: return .string(strings[Int(generator.next() % UInt64(strings.count))])
        case 5:
            return .array((0..<Int(generator.next() % 5)).map { _ in value(depth: depth + 1, using: &generator) })
        default:
            var object = JSONObject()
            for _ in 0..<Int(generator.next() % 6) {
                let key = strings[Int(generator.next() % UInt64(strings.count))] + String(generator.next() % 20)
                object[key] = value(depth: depth + 1, using: &generator)
            }
            return .object(object)
        }
    }
}
