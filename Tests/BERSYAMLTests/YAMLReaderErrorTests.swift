import BERSJSON
import BERSYAML
import Testing

/// Every way the YAML reader rejects input: code, message and `file:line:col`.
struct YAMLReaderErrorTests {
    func error(_ text: String, options: YAMLReader.Options = .default) throws -> JSONError {
        try #require(throws: JSONError.self) { try YAMLReader(options: options).parse(text, file: "c.yaml") }
    }

    @Test func duplicateKeyNamesBothPositions() throws {
        let error = try error(
            """
            api:
              timeout: 1000
              retries: 3
              timeout: 2000
            """
        )
        #expect(error.code == .duplicateKey)
        #expect(error.message == #"duplicate key "timeout" (first defined at c.yaml:2:3)"#)
        #expect(error.location?.description == "c.yaml:4:3")
        #expect(error.relatedLocation?.description == "c.yaml:2:3")
    }

    @Test func duplicateKeysOnOneLineAndQuotedKeysAreLocated() throws {
        let flow = try error("outer: {b: 1, a: 2, \"a\": 3}\n")
        #expect(flow.code == .duplicateKey)
        #expect(flow.message == #"duplicate key "a" (first defined at c.yaml:1:15)"#)
        #expect(flow.location?.description == "c.yaml:1:21")
        let quoted = try error("'k': 1\nz: 0\n\"k\": 2\n")
        #expect(quoted.message == #"duplicate key "k" (first defined at c.yaml:1:1)"#)
        #expect(quoted.location?.description == "c.yaml:3:1")
    }

    @Test func keysThatBecomeTheSameStringAreDuplicates() throws {
        let error = try error("1: a\n!!str 1: b\n")
        #expect(error.code == .duplicateKey)
        #expect(error.location?.line == 2)
    }

    @Test func severalDuplicatesReportTheFirstInDocumentOrder() throws {
        let error = try error("b: 1\na: 1\nb: 2\na: 2\n")
        #expect(error.code == .duplicateKey)
        #expect(error.relatedLocation?.line == 1 || error.relatedLocation?.line == 2)
    }

    @Test func syntaxErrorsCarryLibYAMLsMessageAndLocation() throws {
        let error = try error("a: 1\nb: [1, 2\nc: 3\n")
        #expect(error.code == .yaml)
        #expect(error.location?.file == "c.yaml")
        #expect(error.location?.line == 3)
        let tab = try self.error("a:\n\tb: 1\n")
        #expect(tab.code == .yaml)
        #expect(tab.location?.description == "c.yaml:2:1")
        #expect(
            tab.message
                == "found character that cannot start any token (while scanning for the next token started at c.yaml:2:1)"
        )
    }

    @Test func moreThanOneDocumentIsAnError() throws {
        let error = try error("a: 1\n---\nb: 2\n")
        #expect(error.code == .yaml)
        #expect(error.message == "expected a single YAML document, found another document")
        #expect(error.location?.description == "c.yaml:2:1")
    }

    @Test func infinityIsAnErrorAtItsValue() throws {
        let error = try error("a:\n  b: .inf\n")
        #expect(error.code == .invalidNumber)
        #expect(error.message == ".inf (infinity) cannot be represented in JSON")
        #expect(error.location?.description == "c.yaml:2:6")
    }

    @Test func complexKeysAreErrors() throws {
        let error = try error("? [a, b]\n: 1\n")
        #expect(error.code == .yaml)
        #expect(error.message == "a sequence cannot be a key: JSON object keys are strings")
        #expect(error.location?.description == "c.yaml:1:3")
    }

    @Test func undefinedAliasIsAnError() throws {
        let error = try error("a: *missing\n")
        #expect(error.code == .yaml)
        #expect(error.message == "alias refers to an undefined anchor")
        #expect(error.location?.description == "c.yaml:1:4")
    }

    @Test func mergeKeyNeedsMappings() throws {
        let error = try error("a: {<<: 5}\n")
        #expect(error.code == .yaml)
        #expect(error.message == "a merge key '<<' takes a mapping or a list of mappings, not a scalar")
        #expect(error.location?.description == "c.yaml:1:9")
    }

    @Test func unsupportedTagsAreErrors() throws {
        let error = try error("a: !Ref other\nb: !!set {x: null}\n")
        #expect(error.code == .yaml)
        #expect(error.message == "unsupported tag !Ref on a scalar; JSON cannot represent it")
        #expect(error.location?.description == "c.yaml:1:4")
    }

    @Test func aTagErrorNamesTheTagAndPlaceNotTheText() throws {
        for tag in ["!!int", "!!float", "!!bool", "!!null", "!!binary"] {
            let error = try error("db:\n  password: \(tag) CANARY-cnry7Q\n")
            #expect(error.code == .yaml)
            #expect(!error.message.contains("CANARY"), "\(tag): \(error.message)")
            #expect(!error.description.contains("CANARY"), "\(tag): \(error.description)")
            #expect(error.message.contains(tag))
            #expect(error.location?.description == "c.yaml:2:13")
        }
    }

    @Test func billionLaughsHitsTheNodeLimit() throws {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let aliases = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(aliases)]\n"
        }
        let error = try error(text)
        #expect(error.code == .nodeLimit)
        #expect(error.message == "the document expands to more than 1000000 values through aliases and merge keys")
        #expect(error.location?.file == "c.yaml")
        // A smaller limit applies to modest documents too.
        let small = try self.error("a: &a [1, 2, 3]\nb: [*a, *a]\n", options: .init(maxNodes: 8))
        #expect(small.code == .nodeLimit)
    }

    @Test func aliasKeysAreErrorsEvenWhenTheAliasIsABomb() throws {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            text +=
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
                + "]\n"
        }
        let bomb = try error(text + "*a9 : x\n")
        #expect(bomb.code == .yaml)
        #expect(bomb.message == "an alias (*a9) cannot be a key: JSON object keys are strings written out")
        #expect(bomb.location?.description == "c.yaml:11:1")
        let explicit = try error("k: &k name\n? *k\n: 1\n")
        #expect(explicit.message == "an alias (*k) cannot be a key: JSON object keys are strings written out")
        #expect(explicit.location?.description == "c.yaml:2:3")
    }

    @Test func textThatLooksLikeAnAliasKeyInsideStringsIsKept() throws {
        let document = try YAMLReader()
            .parse(
                "a: \"*k: x\"\nb: |\n  *k: y\nc: 'p *k: z'\nd: &k v\ne: *k\n",
                file: "c.yaml"
            )
        #expect(document.value == ["a": "*k: x", "b": "*k: y\n", "c": "p *k: z", "d": "v", "e": "v"])
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let brackets = try error(String(repeating: "[", count: 100_000))
        #expect(brackets.code == .depthLimit)
        let nested = String(repeating: "[", count: 20) + String(repeating: "]", count: 20)
        let limited = try error(nested, options: .init(maxDepth: 10))
        #expect(limited.code == .depthLimit)
        #expect(limited.message == "sequences and mappings nest deeper than the limit of 10 levels")
        #expect(limited.location?.description == "c.yaml:1:11")
    }

    @Test func inputLargerThanTheLimitIsRejected() throws {
        let error = try error("a: 123456\n", options: .init(maxBytes: 4))
        #expect(error.code == .sizeLimit)
        #expect(error.message == "input is 10 bytes, more than the limit of 4 bytes")
        #expect(error.location?.description == "c.yaml:1:1")
    }

    @Test func invalidUTF8IsLocated() throws {
        let bytes = Array("a: 1\nb: x".utf8) + [0xC0, 0xAF] + Array("\n".utf8)
        let error = try #require(throws: JSONError.self) { try YAMLReader().parse(bytes, file: "c.yaml") }
        #expect(error.code == .invalidUTF8)
        #expect(error.message == "invalid UTF-8 at byte 9 (0xC0 0xAF 0x0A)")
        #expect(error.location?.description == "c.yaml:2:5")
    }

    @Test func controlCharactersAreReaderErrors() throws {
        let error = try error("a: 1\nb: \u{1}\n")
        #expect(error.code == .yaml)
        #expect(error.location?.line == 2)
    }
}
