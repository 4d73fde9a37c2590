import Testing

@testable import BERSSchema

/// RFC 3986 section 5.4 reference resolution examples.
struct URIResolutionTests {
    static let base = "http://a/b/c/d;p?q"

    @Test(arguments: [
        ("g:h", "g:h"), ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"),
        ("/g", "http://a/g"), ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"),
        ("#s", "http://a/b/c/d;p?q#s"), ("g#s", "http://a/b/c/g#s"), ("", "http://a/b/c/d;p?q"),
        (".", "http://a/b/c/"), ("./", "http://a/b/c/"), ("..", "http://a/b/"), ("../g", "http://a/b/g"),
        ("../..", "http://a/"), ("../../g", "http://a/g"), ("../../../g", "http://a/g"), ("g/../h", "http://a/b/c/h"),
    ])
    func resolvesRFC3986Examples(_ reference: String, _ expected: String) {
        #expect(URIReference.resolve(reference, against: Self.base).description == expected)
    }

    @Test func urnsResolveFragmentsOnly() {
        let base = "urn:uuid:deadbeef-1234-ffff-ffff-4321feebdaed"
        #expect(URIReference.resolve("#/$defs/a", against: base).description == base + "#/$defs/a")
    }

    @Test func percentEscapesDecodeAsUTF8() {
        #expect("/a%25b/c%22d/%C3%A9".percentDecoded == "/a%b/c\"d/é")
        #expect("/100%".percentDecoded == "/100%")
    }
}
