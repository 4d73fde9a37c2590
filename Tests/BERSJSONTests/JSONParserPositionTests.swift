import BERSJSON
import Testing

/// Positions of values and keys, in the preorder layout of ``JSONDocument``.
struct JSONParserPositionTests {
    func positions(_ document: JSONDocument) -> [String] {
        document.valuePositions.map { "\($0.line):\($0.column)" }
    }

    func keys(_ document: JSONDocument) -> [String] {
        document.keyPositions.map { $0.isKnown ? "\($0.line):\($0.column)" : "-" }
    }

    @Test func recordsValueAndKeyPositionsInPreorder() throws {
        let text = """
            {
              "a": 1,
              "b": [true, "é", null],
              "c": {"d": -2.5}
            }
            """
        let document = try JSONParser().parse(text, file: "config.json")
        #expect(positions(document) == ["1:1", "2:8", "3:8", "3:9", "3:15", "3:20", "4:8", "4:14"])
        #expect(keys(document) == ["-", "2:3", "3:3", "-", "-", "-", "4:3", "4:9"])
        #expect(document.location(of: "/c/d")?.description == "config.json:4:14")
        #expect(document.keyLocation(of: "/c/d")?.description == "config.json:4:9")
        #expect(document.location(of: "/b/2")?.description == "config.json:3:20")
    }

    @Test func countsColumnsInUnicodeScalars() throws {
        let document = try JSONParser().parse(#"{"é€😀": "x", "k": "\u00e9😀", "z": 1}"#)
        #expect(positions(document) == ["1:1", "1:9", "1:19", "1:35"])
        #expect(keys(document) == ["-", "1:2", "1:14", "1:30"])
    }

    @Test func countsCRLFAndLoneCRAsOneLineBreak() throws {
        let document = try JSONParser().parse("{\r\n  \"a\": 1,\r\n  \"b\": [2,\r3]\r\n}")
        #expect(positions(document) == ["1:1", "2:8", "3:8", "3:9", "4:1"])
        #expect(keys(document) == ["-", "2:3", "3:3", "-", "-"])
    }

    @Test func positionsMatchErrorLocationsAfterMultiByteText() throws {
        // The incremental tracker (positions) and the re-scan (errors) must agree.
        let text = "{\"ключ\": \"значение\", \"😀\": [\"ü\", 1],\n \"x\": \"é\" }"
        let document = try JSONParser().parse(text, file: "f")
        let broken = text.replacingLast("}", with: "]")
        let error = try #require(throws: JSONError.self) { try JSONParser().parse(broken, file: "f") }
        #expect(error.location?.description == "f:2:11")
        #expect(document.location(of: "/x")?.description == "f:2:7")
        #expect(document.location(of: "/😀/1")?.description == "f:1:33")
    }

    @Test func recordsOneEntryPerNode() throws {
        let document = try JSONParser().parse(#"[{"a": [1, {"b": []}]}, 2, {}]"#)
        #expect(document.valuePositions.count == document.value.nodeCount)
        #expect(document.keyPositions.count == document.value.nodeCount)
        #expect(document.node(at: "/2") == 7)
        #expect(document.location(ofNode: 7)?.column == 28)
    }
}

extension String {
    func replacingLast(_ target: Character, with replacement: Character) -> String {
        guard let index = lastIndex(of: target) else { return self }
        var copy = self
        copy.replaceSubrange(index...index, with: String(replacement))
        return copy
    }
}
