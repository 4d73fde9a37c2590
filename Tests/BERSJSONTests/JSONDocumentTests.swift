import BERSJSON
import Testing

/// Node numbering and locations of a parsed document.
struct JSONDocumentTests {
    static let text = """
        {
          "api": {"timeout": 15000, "hosts": ["a", "b"]},
          "name": "widget"
        }
        """

    @Test func numbersNodesInPreorder() throws {
        let document = try JSONParser().parse(Self.text, file: "d.json")
        #expect(document.node(at: .root) == 0)
        #expect(document.node(at: "/api") == 1)
        #expect(document.node(at: "/api/timeout") == 2)
        #expect(document.node(at: "/api/hosts/1") == 5)
        #expect(document.node(at: "/name") == 6)
        #expect(document.node(at: "/missing") == nil)
        #expect(document.node(at: "/api/hosts/x") == nil)
    }

    @Test func locatesValuesKeysAndTheNearestExistingParent() throws {
        let document = try JSONParser().parse(Self.text, file: "d.json")
        #expect(document.location(of: "/api/hosts/1")?.description == "d.json:2:44")
        #expect(document.keyLocation(of: "/name")?.description == "d.json:3:3")
        #expect(document.keyLocation(of: "/api/hosts/0") == nil)
        #expect(document.nearestLocation(of: "/api/retries/max")?.description == "d.json:2:10")
    }

    @Test func documentsBuiltInCodeHaveNoLocations() {
        let document = JSONDocument(value: ["a": 1], file: "code")
        #expect(document.location(of: "/a") == nil)
        #expect(document.nearestLocation(of: "/a") == nil)
    }
}
