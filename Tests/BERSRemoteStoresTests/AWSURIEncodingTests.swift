import Testing

@testable import BERSRemoteStores

struct AWSURIEncodingTests {
    @Test(arguments: [
        ("mappings/my87674d777bf9.json", "mappings/my87674d777bf9.json"),
        ("a b/c+d=e&f", "a%20b/c%2Bd%3De%26f"),
        ("tenant~x_y-z.json", "tenant~x_y-z.json"),
        ("é/ü", "%C3%A9/%C3%BC"),
        ("100%", "100%25"),
    ])
    func pathEncodingKeepsUnreservedAndSlashes(raw: String, encoded: String) {
        #expect(AWSURIEncoding.encodePath(raw) == encoded)
    }

    @Test func queryEncodingAlsoEncodesSlashes() {
        #expect(AWSURIEncoding.encodeQueryComponent("tenants/A B") == "tenants%2FA%20B")
    }

    @Test func decodingReversesS3URLEncodedKeys() {
        #expect(AWSURIEncoding.decode("a+b%2Bc%2Fd%C3%A9") == "a b+c/dé")
    }

    @Test(arguments: ["%", "%4", "%zz", "%FF"])
    func decodingRejectsMalformedEscapesAndBadUTF8(text: String) {
        #expect(AWSURIEncoding.decode(text) == nil)
    }
}
