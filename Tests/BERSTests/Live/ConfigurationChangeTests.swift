@testable import BERS
import BERSJSON
import Testing

struct ConfigurationChangeTests {
    func changes(_ old: String, _ new: String) throws -> [String] {
        let before = try makeProject(["default.json": old]).resolve(.production)
        let after = try makeProject(["default.json": new]).resolve(.production)
        return ConfigurationChange.changes(from: before, to: after)
            .map { change in
                let old = change.oldValue.map { JSONSerializer().string($0) } ?? "-"
                let new = change.newValue.map { JSONSerializer().string($0) } ?? "-"
                return "\(change.kind.rawValue) \(change.pointer) \(old) -> \(new)"
            }
    }

    @Test func scalarsAreModifiedAddedAndRemoved() throws {
        #expect(
            try changes(#"{"a": 1, "b": {"c": "x", "d": true}}"#, #"{"a": 2, "b": {"c": "x", "e": null}}"#) == [
                "modified /a 1 -> 2", "removed /b/d true -> -", "added /b/e - -> null",
            ]
        )
    }

    @Test func arraysCompareByIndex() throws {
        let found = try changes(#"{"l": [1, 2, 3]}"#, #"{"l": [1, 5]}"#)
        #expect(found == ["modified /l/1 2 -> 5", "removed /l/2 3 -> -"])
    }

    @Test func aLeafThatBecomesAContainerListsBothSides() throws {
        let found = try changes(#"{"a": 1, "e": {}}"#, #"{"a": {"b": 2}, "e": []}"#)
        #expect(found == ["removed /a 1 -> -", "added /a/b - -> 2", "modified /e {} -> []"])
    }

    @Test func equalConfigurationsHaveNoChanges() throws {
        #expect(try changes(#"{"a": [1, {"b": 2}]}"#, #"{"a": [1, {"b": 2}]}"#).isEmpty)
    }

    @Test func theNewValueCarriesItsLocation() throws {
        let before = try makeProject(["default.json": #"{"a": 1}"#]).resolve(.production)
        let after = try makeProject(["default.json": "{\n  \"a\": 2\n}"]).resolve(.production)
        let change = try #require(ConfigurationChange.changes(from: before, to: after).first)
        #expect(change.location?.line == 2)
        #expect(change.location?.file.hasSuffix("default.json") == true)
    }
}
