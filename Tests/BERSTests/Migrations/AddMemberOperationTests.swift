import BERS
import BERSJSON
import Testing

/// `add`: new sections are added empty, existing members are never overwritten.
@Suite struct AddMemberOperationTests {
    @Test func addsMissingSectionsEmpty() throws {
        let result = try MigrationFixture.run(
            #"{"version": "1.0", "chat_title": "Austin Angels"}"#,
            #"{"op": "add", "path": "/card_inventory", "value": {}}"#,
            #"{"op": "add", "path": "/conversation_branches", "value": {}}"#
        )
        #expect(
            result.migrated
                == json(
                    #"{"version": "1.1", "chat_title": "Austin Angels", "card_inventory": {}, "conversation_branches": {}}"#
                )
        )
        #expect(
            result.steps.first?.changes.map(\.line) == [
                "+ /card_inventory: {}", "+ /conversation_branches: {}", #"~ /version: "1.0" -> "1.1""#,
            ]
        )
        #expect(result.warnings.isEmpty)
        #expect(!result.isBlocked)
    }

    @Test func neverOverwritesAnExistingMember() throws {
        let result = try MigrationFixture.run(
            #"{"version": "1.0", "card_inventory": {"cards": [1]}, "cta_definitions": null}"#,
            #"{"op": "add", "path": "/card_inventory", "value": {}}"#,
            #"{"op": "add", "path": "/cta_definitions", "value": {}}"#
        )
        #expect(result.migrated["card_inventory"] == json(#"{"cards": [1]}"#))
        #expect(result.migrated["cta_definitions"] == .null)
        #expect(result.steps.first?.changes.map(\.pointer.description) == ["/version"])
    }

    @Test func createsMissingParentObjects() throws {
        let result = try MigrationFixture.run(
            #"{"version": "1.0", "widget_behavior": {"start_open": true}}"#,
            #"{"op": "add", "path": "/widget_behavior/persist_conversations", "value": false}"#,
            #"{"op": "add", "path": "/post_submission/fulfillment", "value": {"type": "none"}}"#
        )
        #expect(result.migrated["widget_behavior"] == json(#"{"start_open": true, "persist_conversations": false}"#))
        #expect(result.migrated["post_submission"] == json(#"{"fulfillment": {"type": "none"}}"#))
    }

    @Test func aScalarOnTheWayIsLeftAlone() throws {
        let result = try MigrationFixture.run(
            #"{"version": "1.0", "widget_behavior": "legacy"}"#,
            #"{"op": "add", "path": "/widget_behavior/persist_conversations", "value": false}"#
        )
        #expect(result.migrated["widget_behavior"] == "legacy")
        #expect(result.steps.first?.changes.map(\.pointer.description) == ["/version"])
    }
}
