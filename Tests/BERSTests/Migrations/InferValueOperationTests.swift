import BERS
import BERSJSON
import Testing

/// `infer`: a form without `program` gets one from its key; a key naming none is a located error
/// and nothing is invented.
@Suite struct InferValueOperationTests {
    /// The operation of the Picasso catalog's 1.2 → 1.3 step.
    static let programs = #"""
        {"op": "infer", "each": "/conversational_forms/*", "member": "program",
         "from-key": [
           {"contains": ["lovebox", "lb_"], "value": "lovebox"},
           {"contains": ["daretodream", "dd_"], "value": "daretodream"},
           {"contains": ["volunteer"], "value": "volunteer"},
           {"contains": ["contact", "general"], "value": "general"}
         ],
         "warning": "form \"{1}\" had no program; inferred \"{value}\" from its key: check it",
         "otherwise": {"code": "tenant.program-not-inferable", "message": "form \"{1}\" has no program and its key names none"}}
        """#

    private func infer(_ forms: String) throws -> TenantMigrationResult {
        try MigrationFixture.run(#"{"version": "1.0", "conversational_forms": \#(forms)}"#, Self.programs)
    }

    @Test(
        arguments: [
            ("lovebox_application", "lovebox"), ("lb_apply", "lovebox"), ("LoveBox_Signup", "lovebox"),
            ("daretodream_application", "daretodream"), ("dd_mentor", "daretodream"),
            ("volunteer_general", "volunteer"), ("contact_us", "general"), ("general_inquiry", "general"),
        ]
    )
    func theProgramComesFromTheFirstMatchingRow(key: String, program: String) throws {
        let result = try infer(#"{"\#(key)": {"title": "A form"}}"#)
        #expect(
            result.migrated[pointer: JSONPointer(tokens: ["conversational_forms", key, "program"])] == .string(program)
        )
        #expect(result.migrated[pointer: JSONPointer(tokens: ["conversational_forms", key, "title"])] == "A form")
        #expect(result.warnings.map(\.code) == [.migrationNote])
        #expect(
            result.warnings.first?.message
                == #"form "\#(key)" had no program; inferred "\#(program)" from its key: check it"#
        )
        #expect(result.warnings.first?.pointer == JSONPointer(tokens: ["conversational_forms", key, "program"]))
        #expect(result.errors.isEmpty)
    }

    @Test func anExistingProgramIsKept() throws {
        let result = try infer(#"{"lovebox_application": {"program": "daretodream"}}"#)
        #expect(result.migrated[pointer: "/conversational_forms/lovebox_application/program"] == "daretodream")
        #expect(result.warnings.isEmpty)
    }

    @Test func aKeyNamingNoProgramIsALocatedErrorAndNothingIsInvented() throws {
        let result = try infer(
            """
            {
              "volunteer_signup": {"title": "Volunteer"},
              "donation": {"title": "Donate"}
            }
            """
        )
        #expect(result.isBlocked)
        #expect(result.errors.count == 1)
        let error = try #require(result.errors.first)
        #expect(error.code == TenantIssue.Code("tenant.program-not-inferable"))
        #expect(error.pointer == "/conversational_forms/donation")
        #expect(error.message == #"form "donation" has no program and its key names none"#)
        #expect(error.location?.description == "tenant.json:3:15")
        #expect(result.migrated[pointer: "/conversational_forms/donation"] == json(#"{"title": "Donate"}"#))
        #expect(result.migrated[pointer: "/conversational_forms/volunteer_signup/program"] == "volunteer")
    }
}
