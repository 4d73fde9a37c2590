import BERS
import BERSJSON
import Testing

/// RFC 6902 patches between two values: applying the patch of `a` to `b` to `a` gives `b`.
@Suite struct JSONPatchTests {
    private func roundTrip(_ before: String, _ after: String) -> [JSONPatchOperation] {
        let (old, new) = (json(before), json(after))
        let operations = JSONPatch.operations(from: old, to: new)
        #expect(JSONPatch.applying(operations, to: old) == new)
        return operations
    }

    @Test func equalValuesNeedNoOperations() {
        #expect(roundTrip(#"{"a": [1, {"b": null}]}"#, #"{"a": [1, {"b": null}]}"#).isEmpty)
    }

    @Test func membersAreAddedRemovedAndReplaced() {
        let operations = roundTrip(
            #"{"keep": 1, "gone": true, "changed": "x", "nested": {"old": 1}}"#,
            #"{"keep": 1, "changed": "y", "nested": {"new": null}, "added": [1]}"#
        )
        #expect(
            Set(operations) == [
                JSONPatchOperation(kind: .remove, pointer: "/gone", value: nil),
                JSONPatchOperation(kind: .replace, pointer: "/changed", value: "y"),
                JSONPatchOperation(kind: .remove, pointer: "/nested/old", value: nil),
                JSONPatchOperation(kind: .add, pointer: "/nested/new", value: .null),
                JSONPatchOperation(kind: .add, pointer: "/added", value: [1]),
            ]
        )
    }

    @Test func arraysOfTheSameLengthChangeElementByElement() {
        let operations = roundTrip(#"{"list": [1, {"a": 1}, 3]}"#, #"{"list": [1, {"a": 2}, 4]}"#)
        #expect(
            operations == [
                JSONPatchOperation(kind: .replace, pointer: "/list/1/a", value: 2),
                JSONPatchOperation(kind: .replace, pointer: "/list/2", value: 4),
            ]
        )
    }

    @Test func anArrayWhoseLengthChangedIsReplacedWhole() {
        #expect(
            roundTrip(#"{"list": [1, 2, 3]}"#, #"{"list": [3]}"#) == [
                JSONPatchOperation(kind: .replace, pointer: "/list", value: [3])
            ]
        )
        #expect(roundTrip(#"{"list": []}"#, #"{"list": [{"a": 1}, 2]}"#).count == 1)
    }

    @Test func aChangeOfTypeIsAReplace() {
        #expect(
            roundTrip(#"{"chips": [{"label": "A"}]}"#, #"{"chips": {"a": {"label": "A"}}}"#) == [
                JSONPatchOperation(kind: .replace, pointer: "/chips", value: json(#"{"a": {"label": "A"}}"#))
            ]
        )
        #expect(roundTrip("[1]", #"{"0": 1}"#).map(\.pointer) == [.root])
    }

    @Test func keysWithSlashAndTildeAreEscapedInPaths() throws {
        let operations = roundTrip(
            #"{"a/b": {"m~n": 1, "~1": 2}, "": 0}"#,
            #"{"a/b": {"m~n": 5, "~1": 2, "x/~y": true}, "": 1}"#
        )
        let paths = Set(operations.compactMap { $0.jsonValue["path"]?.stringValue })
        #expect(paths == ["/a~1b/m~0n", "/a~1b/x~1~0y", "/"])
        for operation in operations {
            let path = try #require(operation.jsonValue["path"]?.stringValue)
            #expect(try JSONPointer(parsing: path) == operation.pointer)
        }
        let escaped = try #require(operations.first { $0.pointer.lastToken == "m~n" })
        #expect(escaped.jsonValue == json(#"{"op": "replace", "path": "/a~1b/m~0n", "value": 5}"#))
    }

    @Test func removalsHaveNoValueInJSON() {
        let operation = JSONPatchOperation(kind: .remove, pointer: "/cta_definitions/a/style", value: nil)
        #expect(operation.jsonValue == json(#"{"op": "remove", "path": "/cta_definitions/a/style"}"#))
    }

    @Test func aPatchThatDoesNotFitIsRefused() {
        let patch = [JSONPatchOperation(kind: .replace, pointer: "/list/5", value: 1)]
        #expect(JSONPatch.applying(patch, to: json(#"{"list": [1]}"#)) == nil)
        #expect(
            JSONPatch.applying([JSONPatchOperation(kind: .add, pointer: "/a/b", value: 1)], to: json(#"{"a": 3}"#))
                == nil
        )
    }

    @Test func aMigrationsChangesAreItsPatch() throws {
        let result = try MigrationFixture.run(
            #"{"version": "1.0", "cta_definitions": {"a": {"style": "primary", "action": "show_info"}}}"#,
            #"{"op": "remove", "each": "/cta_definitions/*/style"}"#,
            #"{"op": "add", "path": "/card_inventory", "value": {}}"#
        )
        let changes = try #require(result.steps.first?.changes)
        #expect(Set(changes.map(\.patchOperation)) == Set(result.patch))
        #expect(JSONPatch.applying(changes.map(\.patchOperation), to: result.original) == result.migrated)
    }
}
