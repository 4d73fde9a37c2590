import BERS
import BERSJSON
import Testing

/// `remove`: every member the pattern matches goes, nothing else.
@Suite struct RemoveMembersOperationTests {
    @Test func removesTheMemberFromEveryMatch() throws {
        let result = try MigrationFixture.run(
            #"""
            {"version": "1.0", "cta_definitions": {
              "apply": {"action": "start_form", "formId": "lb_apply", "style": "primary"},
              "info": {"action": "show_info", "prompt": "Tell me", "style": "info"},
              "plain": {"action": "external_link", "url": "https://example.org"}
            }}
            """#,
            #"{"op": "remove", "each": "/cta_definitions/*/style"}"#
        )
        #expect(
            result.migrated["cta_definitions"]
                == json(
                    #"""
                    {"apply": {"action": "start_form", "formId": "lb_apply"},
                     "info": {"action": "show_info", "prompt": "Tell me"},
                     "plain": {"action": "external_link", "url": "https://example.org"}}
                    """#
                )
        )
        // Matches are removed from the last back (so array indices stay valid).
        #expect(
            result.steps.first?.changes.map(\.line) == [
                #"- /cta_definitions/info/style: "info""#, #"- /cta_definitions/apply/style: "primary""#,
                #"~ /version: "1.0" -> "1.1""#,
            ]
        )
        #expect(result.warnings.isEmpty)
    }

    @Test func removesArrayElementsFromTheLastBack() throws {
        let result = try MigrationFixture.run(
            #"{"version": "1.0", "legacy": [{"id": "a"}, {"id": "b"}, {"id": "c"}], "kept": [1]}"#,
            #"{"op": "remove", "each": "/legacy/*"}"#
        )
        #expect(result.migrated["legacy"] == [])
        #expect(result.migrated["kept"] == [1])
        #expect(
            result.steps.first?.changes.map(\.pointer.description) == [
                "/legacy/2", "/legacy/1", "/legacy/0", "/version",
            ]
        )
    }

    @Test func nothingMatchingChangesNothing() throws {
        let result = try MigrationFixture.run(
            #"{"version": "1.0", "cta_definitions": {"plain": {"action": "external_link"}}}"#,
            #"{"op": "remove", "each": "/cta_definitions/*/style"}"#
        )
        #expect(
            result.migrated == json(#"{"version": "1.1", "cta_definitions": {"plain": {"action": "external_link"}}}"#)
        )
    }
}
