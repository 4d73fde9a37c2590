import BERS
import BERSJSON
import Testing

struct ConfigDiffTests {
    @Test func listsAddedRemovedAndChangedLeavesWithSources() throws {
        let project = try makeProject([
            "default.json": #"{"same": 1, "list": [1], "nested": {"x": 1}}"#,
            "staging.json": #"{"onlyStaging": true, "nested": {"x": 2}}"#,
            "production.json": "{\n  \"onlyProduction\": \"p\",\n  \"list\": [2],\n  \"nested\": {\"x\": 3}\n}",
        ])
        let diff = ConfigDiff(from: try project.resolve(.staging), to: try project.resolve(.production))
        #expect(diff.added.map(\.pointer.description) == ["/onlyProduction"])
        #expect(diff.added.first?.source.location?.description == "config/production.json:2:21")
        #expect(diff.removed.map(\.pointer.description) == ["/onlyStaging"])
        #expect(diff.changed.map(\.pointer.description) == ["/list", "/nested/x"])
        let change = try #require(diff.changed.last)
        #expect(change.from.value == 2)
        #expect(change.from.layer.name == "staging")
        #expect(change.to.value == 3)
        #expect(change.to.layer.name == "production")
        #expect(diff.jsonValue["changed"]?.arrayValue?.count == 2)
    }

    @Test func aLeafBecomingAnObjectIsAChange() throws {
        let project = try makeProject([
            "staging.json": #"{"a": 1}"#,
            "production.json": #"{"a": {"b": 2}}"#,
        ])
        let diff = ConfigDiff(from: try project.resolve(.staging), to: try project.resolve(.production))
        #expect(diff.added.isEmpty)
        #expect(diff.removed.isEmpty)
        #expect(diff.changed.map(\.pointer.description) == ["/a"])
    }

    @Test func identicalEnvironmentsHaveNoDifferences() throws {
        let project = try makeProject(["default.json": #"{"a": 1}"#])
        #expect(ConfigDiff(from: try project.resolve(.staging), to: try project.resolve(.production)).isEmpty)
    }
}

struct ArrayLeafTests {
    @Test func arraysOfObjectsAreOneLeaf() throws {
        let project = try makeProject([
            "staging.json": #"{"plugins": [{"name": "a"}]}"#,
            "production.json": #"{"plugins": [{"name": "b"}]}"#,
        ])
        let diff = ConfigDiff(from: try project.resolve(.staging), to: try project.resolve(.production))
        #expect(diff.changed.map(\.pointer.description) == ["/plugins"])
        #expect(try project.resolve(.production).leafProvenance().map(\.pointer.description) == ["/plugins"])
    }
}
