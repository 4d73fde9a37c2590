import BERSJSON
import Testing

/// Every way the parser rejects input: the code, the message and the `file:line:col`.
struct JSONParserErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var input: [UInt8]
        var code: JSONError.Code
        var message: String
        var location: String
        var testDescription: String { "\(code): \(message)" }

        init(_ input: String, _ code: JSONError.Code, _ message: String, at location: String) {
            self.init(Array(input.utf8), code, message, at: location)
        }

        init(_ input: [UInt8], _ code: JSONError.Code, _ message: String, at location: String) {
            self.input = input
            self.code = code
            self.message = message
            self.location = location
        }
    }

    static let syntax: [Case] = [
        Case(#"{"a": 1]"#, .syntax, "expected ',' or '}' after object member, found ']'", at: "1:8"),
        Case("[1 2]", .syntax, "expected ',' or ']' after array element, found '2'", at: "1:4"),
        Case(#"{"a" 1}"#, .syntax, "expected ':' after object key, found '1'", at: "1:6"),
        Case("{1: 2}", .syntax, "expected a string key, found '1'", at: "1:2"),
        Case(#"{"a": 1,}"#, .syntax, "expected a string key, found '}'", at: "1:9"),
        Case("[1,]", .syntax, "expected a JSON value, found ']'", at: "1:4"),
        Case("[\n  'x']", .syntax, "expected a JSON value, found '''", at: "2:3"),
        Case("[é]", .syntax, "expected a JSON value, found 'é'", at: "1:2"),
        Case("[\u{1}]", .syntax, "expected a JSON value, found control character U+0001", at: "1:2"),
        Case("[+1]", .syntax, "expected a JSON value, found '+'", at: "1:2"),
        Case("[trUe]", .syntax, "expected 'true', found 'trUe'", at: "1:2"),
        Case("nul1", .syntax, "expected 'null', found 'nul1'", at: "1:1"),
    ]

    static let ends: [Case] = [
        Case("", .unexpectedEnd, "expected a JSON value, found end of input", at: "1:1"),
        Case("  \n ", .unexpectedEnd, "expected a JSON value, found end of input", at: "2:2"),
        Case("[1, 2", .unexpectedEnd, "expected ',' or ']' after array element, found end of input", at: "1:6"),
        Case(#"{"a": "#, .unexpectedEnd, "expected a JSON value, found end of input", at: "1:7"),
        Case(#"{"a""#, .unexpectedEnd, "expected ':' after object key, found end of input", at: "1:5"),
        Case("tru", .unexpectedEnd, "expected 'true', found end of input", at: "1:4"),
        Case(#"["abc"#, .unexpectedEnd, "unterminated string (opened at t.json:1:2), found end of input", at: "1:6"),
        Case(#"["\u12"#, .unexpectedEnd, "expected 4 hex digits after \\u, found end of input", at: "1:7"),
        Case(#"["\"#, .unexpectedEnd, "expected an escape after '\\', found end of input", at: "1:4"),
        Case("[-", .unexpectedEnd, "invalid number '-': expected a digit after '-', found end of input", at: "1:3"),
    ]

    static let trailing: [Case] = [
        Case("[1] 2", .trailingContent, "unexpected '2' after the top-level value", at: "1:5"),
        Case("{}\n}", .trailingContent, "unexpected '}' after the top-level value", at: "2:1"),
        Case("truex", .trailingContent, "unexpected 'x' after the top-level value", at: "1:5"),
    ]

    static let numbers: [Case] = [
        Case("[01]", .invalidNumber, "invalid number '01': leading zeros are not allowed", at: "1:2"),
        Case("-00", .invalidNumber, "invalid number '-00': leading zeros are not allowed", at: "1:1"),
        Case("[1.]", .invalidNumber, "invalid number '1.': expected a digit after '.'", at: "1:4"),
        Case("[1.e5]", .invalidNumber, "invalid number '1.e5': expected a digit after '.'", at: "1:4"),
        Case("[1e+]", .invalidNumber, "invalid number '1e+': expected a digit in the exponent", at: "1:5"),
        Case("[-x]", .invalidNumber, "invalid number '-x': expected a digit after '-'", at: "1:3"),
        Case("1e400", .invalidNumber, "number 1e400 is out of range", at: "1:1"),
        Case("[-1.5E+309]", .invalidNumber, "number -1.5E+309 is out of range", at: "1:2"),
        Case(
            "0.4e" + String(repeating: "9", count: 60),
            .invalidNumber,
            "number 0.4e" + String(repeating: "9", count: 36) + "… is out of range",
            at: "1:1"
        ),
    ]

    static let strings: [Case] = [
        Case(
            "[\"a\tb\"]",
            .controlCharacter,
            "unescaped control character U+0009 in string; write it as \\t",
            at: "1:4"
        ),
        Case(
            "[\"a\nb\"]",
            .controlCharacter,
            "unescaped control character U+000A in string; write it as \\n",
            at: "1:4"
        ),
        Case(
            "[\"\u{1F}\"]",
            .controlCharacter,
            "unescaped control character U+001F in string; write it as \\u001F",
            at: "1:3"
        ),
        Case(
            #"["\x"]"#,
            .invalidEscape,
            #"invalid escape '\' followed by 'x' in string; valid escapes are \" \\ \/ \b \f \n \r \t \uXXXX"#,
            at: "1:3"
        ),
        Case(#"["ab\u12G4"]"#, .invalidEscape, "invalid \\u escape: expected 4 hex digits, found 'G'", at: "1:5"),
        Case(
            #"["\uD800"]"#,
            .invalidEscape,
            "lone high surrogate \\uD800 in string; it must be followed by a \\u escape of a low surrogate",
            at: "1:3"
        ),
        Case(
            #"["\uDBFFx"]"#,
            .invalidEscape,
            "lone high surrogate \\uDBFF in string; it must be followed by a \\u escape of a low surrogate",
            at: "1:3"
        ),
        Case(
            #"["\uDC00"]"#,
            .invalidEscape,
            "lone low surrogate \\uDC00 in string; a low surrogate must follow a high one",
            at: "1:3"
        ),
        Case(
            #"["\uD800\u0041"]"#,
            .invalidEscape,
            "high surrogate \\uD800 is followed by \\u0041, which is not a low surrogate",
            at: "1:3"
        ),
    ]

    static let utf8: [Case] = [
        Case([0x5B, 0x22, 0xC0, 0xAF, 0x22, 0x5D], .invalidUTF8, "invalid UTF-8: overlong encoding (0xC0)", at: "1:3"),
        Case([0x22, 0xE0, 0x80, 0xAF, 0x22], .invalidUTF8, "invalid UTF-8: overlong encoding (0xE0 0x80)", at: "1:2"),
        Case(
            [0x22, 0xF0, 0x80, 0x80, 0xAF, 0x22],
            .invalidUTF8,
            "invalid UTF-8: overlong encoding (0xF0 0x80)",
            at: "1:2"
        ),
        Case(
            [0x22, 0xED, 0xA0, 0x80, 0x22],
            .invalidUTF8,
            "invalid UTF-8: encoded UTF-16 surrogate (0xED 0xA0)",
            at: "1:2"
        ),
        Case(
            [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22],
            .invalidUTF8,
            "invalid UTF-8: code point above U+10FFFF (0xF4 0x90)",
            at: "1:2"
        ),
        Case(
            [0x22, 0xF5, 0x80, 0x80, 0x80, 0x22],
            .invalidUTF8,
            "invalid UTF-8: code point above U+10FFFF (0xF5)",
            at: "1:2"
        ),
        Case([0x22, 0xFF, 0x22], .invalidUTF8, "invalid UTF-8: byte that never occurs in UTF-8 (0xFF)", at: "1:2"),
        Case([0x22, 0x80, 0x22], .invalidUTF8, "invalid UTF-8: unexpected continuation byte (0x80)", at: "1:2"),
        Case(
            [0x22, 0xC3, 0xA9, 0xE2, 0x82, 0x22],
            .invalidUTF8,
            "invalid UTF-8: truncated sequence (0xE2 0x82)",
            at: "1:3"
        ),
        Case([0x22, 0xE2, 0x82], .invalidUTF8, "invalid UTF-8: truncated sequence (0xE2 0x82)", at: "1:2"),
        Case([0x5B, 0xFF, 0x5D], .invalidUTF8, "invalid UTF-8: byte that never occurs in UTF-8 (0xFF)", at: "1:2"),
        Case([0x31, 0x20, 0xC3], .invalidUTF8, "invalid UTF-8: truncated sequence (0xC3)", at: "1:3"),
    ]

    @Test(arguments: syntax + ends + trailing + numbers + strings + utf8)
    func rejectsWithCodeMessageAndLocation(_ testCase: Case) throws {
        let error = try #require(throws: JSONError.self) { try JSONParser().parse(testCase.input, file: "t.json") }
        #expect(error.code == testCase.code)
        #expect(error.message == testCase.message)
        #expect(error.location?.description == "t.json:\(testCase.location)")
        #expect(error.description == "t.json:\(testCase.location): \(testCase.message)")
    }

    @Test func duplicateKeyNamesBothPositions() throws {
        let text = """
            {
              "api": {
                "timeout": 1000,
                "retries": 3,
                "timeout": 2000
              }
            }
            """
        let error = try #require(throws: JSONError.self) { try JSONParser().parse(text, file: "default.json") }
        #expect(error.code == .duplicateKey)
        #expect(error.message == #"duplicate key "timeout" (first defined at default.json:3:5)"#)
        #expect(error.location?.description == "default.json:5:5")
        #expect(error.relatedLocation?.description == "default.json:3:5")
    }

    @Test func duplicateKeyInALargeNestedObjectNamesBothPositions() throws {
        let inner = (0..<20).map { "\"k\($0)\": \($0)" }.joined(separator: ",\n    ")
        let text = "{\n  \"a\": 1,\n  \"b\": {\n    \(inner),\n    \"k7\": 0\n  },\n  \"c\": {\"a\": 2}\n}"
        let error = try #require(throws: JSONError.self) { try JSONParser().parse(text, file: "n.json") }
        #expect(error.message == #"duplicate key "k7" (first defined at n.json:11:5)"#)
        #expect(error.location?.description == "n.json:24:5")
        #expect(error.relatedLocation?.description == "n.json:11:5")
    }

    @Test func duplicateKeysAreComparedAfterUnescaping() throws {
        let error = try #require(throws: JSONError.self) { try JSONParser().parse(#"{"a\nb": 1, "a\u000ab": 2}"#) }
        #expect(error.code == .duplicateKey)
        #expect(error.message == #"duplicate key "a\nb" (first defined at <input>:1:2)"#)
    }

    @Test func sameKeyInDifferentObjectsIsFine() throws {
        let value = try JSONValue(parsing: #"{"a": {"a": 1}, "b": {"a": 2}}"#)
        #expect(value[pointer: "/b/a"] == 2)
    }

    @Test func rejectsNestingDeeperThanTheLimit() throws {
        let parser = JSONParser(options: .init(maxDepth: 3))
        #expect(try parser.parse("[[[1]]]").value == [[[1]]])
        let error = try #require(throws: JSONError.self) { try parser.parse(#"[{"a": [[1]]}]"#, file: "d.json") }
        #expect(error.code == .depthLimit)
        #expect(error.message == "arrays and objects nest deeper than the limit of 3 levels")
        #expect(error.location?.description == "d.json:1:9")
        #expect(throws: JSONError.self) { try parser.parse("[[[[]]]]") }
    }

    @Test func survivesOneHundredThousandOpenBrackets() throws {
        let text = String(repeating: "[", count: 100_000)
        let error = try #require(throws: JSONError.self) { try JSONParser().parse(text, file: "deep.json") }
        #expect(error.code == .depthLimit)
        #expect(error.location?.description == "deep.json:1:513")
        // Iterative parsing: even with the limit lifted, the parser itself does not recurse.
        let lifted = JSONParser(options: .init(maxDepth: .max))
        let unterminated = try #require(throws: JSONError.self) { try lifted.parse(text) }
        #expect(unterminated.code == .unexpectedEnd)
        let objects = String(repeating: #"{"a":"#, count: 100_000)
        #expect(throws: JSONError.self) { try JSONParser().parse(objects) }
    }

    @Test func rejectsInputLargerThanTheLimitBeforeParsing() throws {
        let parser = JSONParser(options: .init(maxBytes: 4))
        #expect(try parser.parse("[1]").value == [1])
        let error = try #require(throws: JSONError.self) { try parser.parse("[1, 2]", file: "big.json") }
        #expect(error.code == .sizeLimit)
        #expect(error.message == "input is 6 bytes, more than the limit of 4 bytes")
        #expect(error.location?.description == "big.json:1:1")
        // Checked before parsing: invalid text over the limit still reports the size.
        #expect(throws: JSONError(.sizeLimit, "")) { try parser.parse("]]]]]") }
    }

    @Test func errorsCompareByCode() {
        #expect(JSONError(.syntax, "a") == JSONError(.syntax, "b"))
        #expect(JSONError(.syntax, "a") != JSONError(.trailingContent, "a"))
        #expect(Set([JSONError(.syntax, "a"), JSONError(.syntax, "b")]).count == 1)
    }
}
