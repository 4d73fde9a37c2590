import BERSJSON
import BERSYAML
import Testing

/// Reading YAML documents: values, positions, anchors and merge keys.
struct YAMLReaderTests {
    func read(_ text: String, file: String = "c.yaml") throws -> JSONDocument {
        try YAMLReader().parse(text, file: file)
    }

    func positions(_ document: JSONDocument) -> [String] {
        document.valuePositions.map { "\($0.line):\($0.column)" }
    }

    func keys(_ document: JSONDocument) -> [String] {
        document.keyPositions.map { $0.isKnown ? "\($0.line):\($0.column)" : "-" }
    }

    @Test func readsAConfigurationIntoJSONValues() throws {
        let document = try read(
            """
            api:
              baseUrl: "https://chat.example.com"
              timeout: 15000
              ratio: 0.5
              debug: off
              retries: !!str 3
            tenants: [acme, globex]
            empty:
            """
        )
        let expected: JSONValue = [
            "api": [
                "baseUrl": "https://chat.example.com", "timeout": 15000, "ratio": 0.5, "debug": "off", "retries": "3",
            ],
            "tenants": ["acme", "globex"], "empty": nil,
        ]
        #expect(document.value.isIdentical(to: expected))
    }

    @Test func recordsPositionsInTheJSONPreorderLayout() throws {
        let document = try read(
            """
            a: 1
            b:
              - x
              - {c: true, "d": é}
            e: "ü"
            """
        )
        #expect(positions(document) == ["1:1", "1:4", "3:3", "3:5", "4:5", "4:9", "4:20", "5:4"])
        #expect(keys(document) == ["-", "1:1", "2:1", "-", "-", "4:6", "4:15", "5:1"])
        #expect(document.valuePositions.count == document.value.nodeCount)
        #expect(document.location(of: "/b/1/d")?.description == "c.yaml:4:20")
        #expect(document.keyLocation(of: "/e")?.description == "c.yaml:5:1")
    }

    @Test func countsColumnsInUnicodeScalarsAndLinesAcrossCRLF() throws {
        let document = try read("é😀: [1, 2]\r\nnext: \"日本\"\r\nlast: 3\r\n")
        #expect(positions(document) == ["1:1", "1:5", "1:6", "1:9", "2:7", "3:7"])
        #expect(keys(document) == ["-", "1:1", "-", "-", "2:1", "3:1"])
    }

    @Test func keysAreStringsAsWritten() throws {
        let document = try read("404: not found\ntrue: yes\n~: tilde\n1.50: x\n")
        #expect(document.value.objectValue?.keys == ["404", "true", "~", "1.50"])
    }

    @Test func expandsAnchorsAndAliases() throws {
        let document = try read(
            """
            base: &base
              timeout: 10
              hosts: [a, b]
            copy: *base
            list: [*base, &n 5, *n]
            """
        )
        let base: JSONValue = ["timeout": 10, "hosts": ["a", "b"]]
        #expect(document.value == ["base": base, "copy": base, "list": [base, 5, 5]])
        #expect(document.valuePositions.count == document.value.nodeCount)
        // An alias expands to the anchored value, located where it was defined.
        #expect(document.location(of: "/copy/timeout")?.description == "c.yaml:2:12")
    }

    @Test func mergeKeysInsertMembersTheMappingDoesNotSet() throws {
        let document = try read(
            """
            defaults: &defaults
              timeout: 10
              retries: 3
              region: eu
            extra: &extra
              region: us
              color: red
            service:
              name: api
              <<: [*defaults, *extra]
              retries: 5
            """
        )
        let service = try #require(document.value["service"]?.objectValue)
        #expect(service.keys == ["name", "timeout", "region", "color", "retries"])
        #expect(
            document.value["service"] == ["name": "api", "timeout": 10, "region": "eu", "color": "red", "retries": 5]
        )
        #expect(document.valuePositions.count == document.value.nodeCount)
        #expect(document.location(of: "/service/retries")?.description == "c.yaml:11:12")
        #expect(document.location(of: "/service/timeout")?.description == "c.yaml:2:12")
        #expect(document.keyLocation(of: "/service/color")?.description == "c.yaml:7:3")
    }

    @Test func mergesASingleMappingAndNestedMerges() throws {
        let document = try read(
            """
            a: &a {x: 1}
            b: &b {<<: *a, y: 2}
            c: {<<: *b, x: 3}
            """
        )
        // The merged `y` stands where `<<` is; the mapping's own `x` wins over the merged one.
        #expect(document.value["c"]?.isIdentical(to: ["y": 2, "x": 3]) == true)
        #expect(document.value["b"]?.isIdentical(to: ["x": 1, "y": 2]) == true)
    }

    @Test func quotedMergeKeyIsAnOrdinaryKey() throws {
        let document = try read("a: &a {x: 1}\nb: {\"<<\": *a}\n")
        #expect(document.value["b"] == ["<<": ["x": 1]])
    }

    @Test func emptyDocumentsAreNull() throws {
        for text in ["", "# only a comment\n", "---\n", "---\n...\n", "\u{FEFF}"] {
            let document = try read(text)
            #expect(document.value == .null, "\(text.debugDescription)")
            #expect(document.valuePositions.count == 1)
        }
        #expect(try read("").location(ofNode: 0)?.description == "c.yaml:1:1")
    }

    @Test func readsBytesAndSkipsAByteOrderMark() throws {
        let document = try YAMLReader().parse([0xEF, 0xBB, 0xBF] + Array("a: é\nb: 2\n".utf8), file: "b.yaml")
        #expect(document.value == ["a": "é", "b": 2])
        #expect(document.location(of: "/b")?.description == "b.yaml:2:4")
        #expect(document.location(of: "/a")?.description == "b.yaml:1:4")
    }

    @Test func blockScalarsAndEscapesAreStrings() throws {
        let document = try read(
            """
            literal: |
              line 1
              line 2
            folded: >-
              a
              b
            escaped: "tab\\there\\u00e9\\0"
            single: 'it''s'
            """
        )
        #expect(
            document.value == [
                "literal": "line 1\nline 2\n", "folded": "a b", "escaped": "tab\there\u{e9}\u{0}", "single": "it's",
            ]
        )
    }
}
