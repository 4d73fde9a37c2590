import BERSJSON
import BERSTestSupport
import Foundation
import Testing

/// The tape and the document built from it: the same values, positions and errors both ways.
struct JSONTapeTests {
    /// Every position the tape records, in preorder, as the document parser records them.
    static func positions(_ tape: JSONTape) -> (values: [SourcePosition], keys: [SourcePosition]) {
        ((0..<tape.count).map { tape[$0].position }, (0..<tape.count).map { tape[$0].keyPosition })
    }

    /// Checks that `text` parses to the same value, positions and sizes both ways, or fails both
    /// ways with the same code and location.
    static func expectAgreement(_ bytes: [UInt8], name: String) {
        let document = Result { () throws(JSONError) in try JSONParser().parse(bytes, file: name) }
        let tape = Result { () throws(JSONError) in try JSONParser().parseTape(bytes, file: name) }
        switch (document, tape) {
        case (.success(let document), .success(let tape)):
            #expect(tape.value(ofNode: 0).isIdentical(to: document.value), "\(name)")
            let (values, keys) = positions(tape)
            #expect(values == document.valuePositions, "\(name) value positions")
            #expect(keys == document.keyPositions, "\(name) key positions")
            #expect((0..<tape.count).map { tape[$0].size } == document.subtreeSizes, "\(name) sizes")
        case (.failure(let expected), .failure(let actual)):
            #expect(actual.code == expected.code, "\(name): \(actual) vs \(expected)")
            #expect(actual.location == expected.location, "\(name): \(actual) vs \(expected)")
            #expect(actual.message == expected.message, "\(name)")
        default:
            Issue.record("\(name): the parsers disagree: \(document) vs \(tape)")
        }
    }

    @Test(.enabled(if: SharedFixtures.isAvailable, SharedFixtures.skipReason))
    func agreesWithTheValueParserOnEveryFileOfJSONTestSuite() throws {
        let files = JSONTestSuiteTests.files()
        #expect(files.count > 300)
        for file in files {
            Self.expectAgreement([UInt8](try Data(contentsOf: file)), name: file.lastPathComponent)
        }
    }

    @Test(arguments: [
        #"{"api": {"timeout": 15000, "baseUrl": "https://chat.example.com"}, "tags": ["a", "b\n", 1.5, true, null]}"#,
        "{\"a\": 1,\n  \"a\": 2}",
        "{\"a\": {\"b\": 1, \"c\": 2, \"b\": 3}}",
        "{\"k1\":1,\"k2\":2,\"k3\":3,\"k4\":4,\"k5\":5,\"k6\":6,\"k7\":7,\"k8\":8,\"k9\":9,\"k10\":10,\"k3\":11}",
        "{\"é\": \"ü\\u00e9\\ud83d\\ude00\", \"x\": [[], {}, [{}]]}",
        "[1, 2,]", "{\"a\" 1}", "\u{FEFF}{}", "  \r\n[\r\n 1]", "-0", "1e400", "\"unterminated",
    ])
    func agreesOnTypicalAndBrokenDocuments(_ text: String) {
        Self.expectAgreement(Array(text.utf8), name: "case.json")
    }

    @Test func duplicateKeyErrorsNameBothPositions() {
        #expect {
            try JSONParser().parseTape(Array("{\n  \"a\": 1,\n  \"a\": 2\n}".utf8), file: "d.json")
        } throws: { error in
            guard let error = error as? JSONError else { return false }
            return error.code == .duplicateKey && error.location?.description == "d.json:3:3"
                && error.message.contains("first defined at d.json:2:3")
        }
    }

    @Test func readsKeysStringsAndMembersInPlace() throws {
        let tape = try JSONParser().parseTape(Array(#"{"api": {"timeout": 15000, "name": "x"}}"#.utf8), file: "t.json")
        #expect(tape.count == 4)
        #expect(tape.key(of: 1) == "api")
        #expect(tape.member("timeout", of: 1) == 2)
        #expect(tape.member("missing", of: 1) == nil)
        #expect(tape.member("api", of: 2) == nil)
        #expect(tape[2].kind == .integer && Int64(bitPattern: tape[2].payload) == 15000)
        #expect(tape.string(of: 3) == "x")
        #expect(tape.location(ofNode: 2)?.description == "t.json:1:21")
        #expect(tape.keyLocation(ofNode: 2)?.description == "t.json:1:10")
        #expect(tape.location(ofNode: 99) == nil)
        #expect(tape.key(of: 3) == "name")
    }

    @Test func everyNodeHasThePointerOfItsPlace() throws {
        let tape = try JSONParser().parseTape(Array(#"{"a": [1, {"b": "x"}], "c": {"d": null}}"#.utf8), file: "p.json")
        let pointers = (0..<tape.count).map { tape.pointer(ofNode: $0).description }
        #expect(pointers == ["", "/a", "/a/0", "/a/1", "/a/1/b", "/c", "/c/d"])
    }

    @Test func aDocumentBuiltInCodeBecomesTheSameTape() throws {
        let text = #"{"a": [1, {"b": "c"}], "d": {"e": null, "f": 2.5, "g": false}}"#
        let document = try JSONParser().parse(text, file: "x.json")
        let converted = try JSONTape(document: document)
        let parsed = try JSONParser().parseTape(Array(text.utf8), file: "x.json")
        #expect(converted.count == parsed.count)
        #expect(converted.value(ofNode: 0).isIdentical(to: parsed.value(ofNode: 0)))
        #expect(Self.positions(converted).values == Self.positions(parsed).values)
        #expect(Self.positions(converted).keys == Self.positions(parsed).keys)
        let positionless = try JSONTape(document: JSONDocument(value: document.value, file: "code"))
        #expect(positionless.value(ofNode: 0) == document.value)
        #expect(positionless.location(ofNode: 1) == nil)
    }

    @Test func sizeAndDepthLimitsApply() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: JSONError.self) { try JSONParser().parseTape(Array(deep.utf8)) }
        let small = JSONParser(options: .init(maxBytes: 4))
        #expect { try small.parseTape(Array("[1, 2]".utf8)) } throws: { ($0 as? JSONError)?.code == .sizeLimit }
    }

    @Test func duplicatesAreFoundAfterNestedMembersAndPastTheLinearScan() {
        // Ten members, some with subtrees to step over, then a repeat of the third: the hashed path.
        let members = (0..<10).map { #""k\#($0)": {"a": [1, {"b": 2}], "c": "x"}"# }.joined(separator: ", ")
        let text = "{\(members), \"k2\": 0}"
        #expect {
            try JSONParser().parseTape(Array(text.utf8), file: "d.json")
        } throws: { error in
            guard let error = error as? JSONError else { return false }
            return error.code == .duplicateKey && error.message.hasPrefix("duplicate key \"k2\"")
        }
        let nine = (0..<9).map { #""k\#($0)": [{"k0": 1}]"# }.joined(separator: ", ")
        #expect(throws: JSONError.self) { try JSONParser().parseTape(Array("{\(nine), \"k8\": 1}".utf8)) }
        #expect(throws: Never.self) { try JSONParser().parseTape(Array("{\(nine), \"k9\": 1}".utf8)) }
    }

    @Test(arguments: [3, 12])
    func keysWrittenInTwoNormalFormsAreOneKey(_ padding: Int) {
        // "é" precomposed and decomposed: one key, as String and JSONObject compare keys; the
        // Kelvin sign is the letter K.
        let others = (0..<padding).map { #""p\#($0)": 0, "# }.joined()
        for (first, second) in [("\u{e9}", "e\u{301}"), ("K", "\u{212A}")] {
            let text = "{\(others)\"\(first)\": 1, \"\(second)\": 2}"
            #expect(throws: JSONError.self, "\(first) / \(second)") { try JSONParser().parseTape(Array(text.utf8)) }
        }
        #expect(throws: Never.self) { try JSONParser().parseTape(Array("{\(others)\"\u{e9}\": 1, \"e\": 2}".utf8)) }
    }

    @Test func stringsRepeatedByADocumentAreBounded() throws {
        let long = JSONValue.string(String(repeating: "x", count: 1000))
        let document = JSONDocument(value: .array(Array(repeating: long, count: 100)), file: "aliases.yaml")
        #expect(try JSONTape(document: document).count == 101)
        #expect {
            try JSONTape(document: document, maxStringBytes: 50_000)
        } throws: { error in
            guard let error = error as? JSONError else { return false }
            return error.code == .sizeLimit && error.message.contains("aliases.yaml")
        }
        #expect(JSONTape.emptyObject(file: "e").value(ofNode: 0) == .object([:]))
    }
}
