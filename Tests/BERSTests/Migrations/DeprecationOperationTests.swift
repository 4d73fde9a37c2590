import BERS
import BERSJSON
import Testing

/// `deprecate`: a located `tenant.migration-note` warning per match; the document keeps the member.
@Suite struct DeprecationOperationTests {
    @Test func warnsAtEveryMatchAndChangesNothingElse() throws {
        let text = """
            {"version": "1.0",
             "conversation_branches": {
              "lovebox_discussion": {"detection_keywords": ["Love Box"]},
              "volunteer_interest": {"detection_keywords": ["volunteer"], "available_ctas": {}},
              "quiet": {}
             }}
            """
        let result = try MigrationFixture.run(
            text,
            #"{"op": "deprecate", "each": "/conversation_branches/*/detection_keywords", "message": "branch \"{1}\" uses {key}"}"#
        )
        #expect(result.patch == [JSONPatchOperation(kind: .replace, pointer: "/version", value: "1.1")])
        #expect(result.migrated["conversation_branches"] == result.original["conversation_branches"])
        #expect(result.warnings.map(\.code) == [.migrationNote, .migrationNote])
        #expect(result.warnings.map(\.code.rawValue) == ["tenant.migration-note", "tenant.migration-note"])
        #expect(
            result.warnings.map(\.pointer.description) == [
                "/conversation_branches/lovebox_discussion/detection_keywords",
                "/conversation_branches/volunteer_interest/detection_keywords",
            ]
        )
        #expect(
            result.warnings.map(\.message) == [
                #"branch "lovebox_discussion" uses detection_keywords"#,
                #"branch "volunteer_interest" uses detection_keywords"#,
            ]
        )
        #expect(result.warnings.map { $0.location?.description } == ["tenant.json:3:48", "tenant.json:4:48"])
        #expect(result.errors.isEmpty)
        #expect(!result.isBlocked)
    }
}
