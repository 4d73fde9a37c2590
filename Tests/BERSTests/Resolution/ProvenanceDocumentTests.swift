import BERS
import BERSJSON
import Testing

struct ProvenanceDocumentTests {
    @Test func mapsEveryLeafPointerToItsSource() throws {
        let project = try makeProject([
            "default.json": "{\n  \"a\": {\"b\": 1, \"c\": [1, 2]},\n  \"e\": {}\n}",
            "production.json": "{\"a\": {\"b\": 2}}",
        ])
        let config = try project.resolve(.production, options: ResolveOptions(assignments: ["a.c=[3]"]))
        let document = config.provenanceDocument()
        #expect(document.objectValue?.keys == ["/a/b", "/a/c", "/e"])
        let b = try #require(document["/a/b"])
        #expect(b["value"] == 2)
        #expect(b["layer"] == "production")
        #expect(b["kind"] == "environment")
        #expect(b["file"] == "config/production.json")
        #expect(b["line"] == 1)
        #expect(b["column"] == 13)
        #expect(b["overrode"]?[0]?["layer"] == "default")
        #expect(b["overrode"]?[0]?["line"] == 2)
        let c = try #require(document["/a/c"])
        #expect(c["kind"] == "set")
        #expect(c["file"] == nil)
    }

    @Test func everyNodeHasASource() throws {
        let config = try makeProject(["default.json": #"{"a": [{"b": [true]}], "c": {"d": null}}"#])
            .resolve(.production)
        for path in ["", "a", "a.0", "a.0.b", "a.0.b.0", "c", "c.d"] {
            #expect(config.provenance(at: path)?.source.layer.name == "default", "path \(path)")
        }
        #expect(config.provenance(at: "a.1") == nil)
        #expect(config.location(of: "/a/0/b/0")?.column == 15)
        #expect(config.location(of: "/a/0/missing")?.column == 8)
    }
}
