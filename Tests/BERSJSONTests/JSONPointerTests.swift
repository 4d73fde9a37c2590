import BERSJSON
import Testing

/// RFC 6901 pointers and dotted paths.
struct JSONPointerTests {
    static let document: JSONValue = [
        "foo": ["bar", "baz"], "": 0, "a/b": 1, "c%d": 2, "e^f": 3, "g|h": 4, "i\\j": 5, "k\"l": 6, " ": 7, "m~n": 8,
    ]

    @Test(arguments: [
        ("", nil as Int?), ("/foo/0", nil), ("/", 0), ("/a~1b", 1), ("/c%d", 2), ("/e^f", 3), ("/g|h", 4),
        ("/i\\j", 5), ("/k\"l", 6), ("/ ", 7), ("/m~0n", 8),
    ])
    func resolvesTheRFC6901Examples(text: String, expected: Int?) throws {
        let pointer = try JSONPointer(parsing: text)
        let value = Self.document[pointer: pointer]
        if let expected {
            #expect(value == .integer(Int64(expected)))
        } else if text.isEmpty {
            #expect(value == Self.document)
        } else {
            #expect(value == "bar")
        }
        #expect(pointer.description == text)
    }

    @Test func escapesTildeAndSlash() throws {
        let pointer = JSONPointer(tokens: ["a/b", "c~d", "~1"])
        #expect(pointer.description == "/a~1b/c~0d/~01")
        #expect(try JSONPointer(parsing: pointer.description) == pointer)
        #expect(JSONPointer.escape("plain") == "plain")
    }

    @Test(arguments: [
        ("foo", "JSON pointer 'foo' must be empty or start with '/'"),
        ("/a~2b", "JSON pointer '/a~2b' has '~' not followed by '0' or '1'"),
        ("/a~", "JSON pointer '/a~' has '~' not followed by '0' or '1'"),
    ])
    func rejectsMalformedPointers(text: String, message: String) {
        let error = #expect(throws: JSONError.self) { try JSONPointer(parsing: text) }
        #expect(error?.code == .invalidPointer)
        #expect(error?.message == message)
        #expect(error?.location == nil)
    }

    @Test func readsDottedPathsAndPointersAlike() throws {
        #expect(try JSONPointer(path: "security.corsOrigins.0").tokens == ["security", "corsOrigins", "0"])
        #expect(try JSONPointer(path: "/security/corsOrigins/0").tokens == ["security", "corsOrigins", "0"])
        #expect(try JSONPointer(path: "") == .root)
        let literal: JSONPointer = "api.timeout"
        #expect(literal.dottedPath == "api.timeout")
        #expect(literal.description == "/api/timeout")
    }

    @Test func arrayIndicesHaveNoLeadingZeros() {
        #expect(JSONPointer.arrayIndex("0") == 0)
        #expect(JSONPointer.arrayIndex("12") == 12)
        #expect(JSONPointer.arrayIndex("01") == nil)
        #expect(JSONPointer.arrayIndex("-") == nil)
        #expect(JSONPointer.arrayIndex("1a") == nil)
        #expect(Self.document[pointer: "/foo/01"] == nil)
        #expect(Self.document[pointer: "/foo/2"] == nil)
    }

    @Test func navigatesParentsAndPrefixes() {
        let pointer: JSONPointer = "/a/b/c"
        #expect(pointer.parent == "/a/b")
        #expect(pointer.lastToken == "c")
        #expect(JSONPointer.root.parent == nil)
        #expect(pointer.hasPrefix("/a"))
        #expect(!pointer.hasPrefix("/b"))
        #expect(JSONPointer("/a").appending("b").appending(index: 2) == "/a/b/2")
        #expect(JSONPointer("/a") < JSONPointer("/a/b"))
    }
}
