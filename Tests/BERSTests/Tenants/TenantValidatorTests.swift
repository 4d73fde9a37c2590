import BERS
import BERSJSON
import BERSTestSupport
import Testing

struct TenantValidatorTests {
    static let examples = SharedFixtures.packageRoot.appendingPathComponent("Examples/picasso").path

    static func validator() throws -> TenantValidator {
        try ConfigProject(directory: examples + "/config").tenantValidator()
    }

    /// The example's declared rules and recipe, without its schema.
    static func rulesOnly() throws -> TenantValidator {
        TenantValidator(schema: nil, settings: try ConfigProject(directory: examples + "/config").settings.tenants)
    }

    func document(_ text: String, file: String = "t.json") throws -> JSONDocument {
        try JSONParser().parse(text, file: file)
    }

    @Test(.enabled(if: SharedFixtures.isAvailable, SharedFixtures.skipReason))
    func myr384719HasExactlyTheKnownBrokenReferences() throws {
        let bytes = try #require(SharedFixtures.bytes("fixtures/picasso/tenants/MYR384719-config.json"))
        let report = try Self.validator().validate(try JSONParser().parse(bytes, file: "MYR384719-config.json"))
        #expect(report.errors.map(\.code) == [.unknownCTA, .unknownForm])
        #expect(
            report.errors.map(\.pointer.description) == [
                "/conversation_branches/daretodream_discussion/available_ctas/secondary/0",
                "/cta_definitions/check_eligibility/formId",
            ]
        )
        #expect(report.errors[0].message.contains("\"learn_more\""))
        #expect(report.errors[1].message.contains("\"eligibility_check\""))
        #expect(report.errors[0].location?.description == "MYR384719-config.json:151:23")
        #expect(report.warnings.map(\.code) == [.needsMigration, .needsMigration])
        #expect(report.warnings.map(\.pointer.description) == ["/cta_definitions", "/conversational_forms"])
        #expect(
            report.warnings.first?.message
                == "4 show_info CTAs (view_requirements, lovebox_info, daretodream_info, view_programs) have no \"prompt\", which version 1.3 requires"
        )
        #expect(report.warnings.last?.message.hasSuffix("have no \"program\", which version 1.3 requires") == true)
    }

    @Test(.enabled(if: SharedFixtures.isAvailable, SharedFixtures.skipReason))
    func aus123957LacksOnlySubscriptionTier() throws {
        let bytes = try #require(SharedFixtures.bytes("fixtures/picasso/tenants/AUS123957-config.json"))
        let report = try Self.validator().validate(try JSONParser().parse(bytes, file: "AUS123957-config.json"))
        #expect(report.errors.count == 1)
        #expect(report.errors.first?.code == .schema)
        #expect(report.errors.first?.message.contains("subscription_tier") == true)
    }

    @Test(arguments: ["DEMO100001", "DEMO200002", "DEMO300003"])
    func exampleTenantsAreValid(_ id: String) throws {
        let path = "\(Self.examples)/tenants/tenants/\(id)/\(id)-config.json"
        let report = try Self.validator()
            .validate(try JSONParser().parse(try LocalFileSystem().contents(atPath: path), file: path))
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(report.warnings.isEmpty)
    }

    @Test func everyCTAActionNeedsItsField() throws {
        let report = try TenantValidatorTests.rulesOnly()
            .validate(
                try document(
                    #"""
                    {"version": "1.3", "cta_definitions": {
                      "a": {"action": "start_form"}, "b": {"action": "external_link"}, "c": {"action": "send_query"},
                      "d": {"action": "show_info"}, "e": {"action": "teleport"}, "f": {"action": "show_info", "prompt": ""}
                    }}
                    """#
                )
            )
        #expect(
            report.errors.map(\.code) == [
                .missingActionField, .missingActionField, .missingActionField, .missingActionField, .unknownAction,
                .missingActionField,
            ]
        )
        #expect(report.errors[0].message == "CTA \"a\" has action start_form but no \"formId\"")
    }

    @Test func formsNeedAProgramFromVersion13() throws {
        let v13 = try TenantValidatorTests.rulesOnly()
            .validate(try document(#"{"version": "1.3", "conversational_forms": {"f": {"form_id": "f"}}}"#))
        #expect(v13.errors.map(\.code) == [.missingProgram])
        let v12 = try TenantValidatorTests.rulesOnly()
            .validate(try document(#"{"version": "1.2", "conversational_forms": {"f": {"form_id": "f"}}}"#))
        #expect(v12.errors.isEmpty)
        #expect(v12.warnings.map(\.code) == [.needsMigration])
    }

    @Test func formIdMayNameAKeyOrAFormId() throws {
        let report = try TenantValidatorTests.rulesOnly()
            .validate(
                try document(
                    #"""
                    {"cta_definitions": {"a": {"action": "start_form", "formId": "key_name"}, "b": {"action": "start_form", "formId": "declared_id"}},
                     "conversational_forms": {"key_name": {"form_id": "declared_id"}}}
                    """#
                )
            )
        #expect(report.errors.isEmpty)
    }

    @Test func chipIdsAreSlugsAndBranchTargetsExist() throws {
        let report = try TenantValidatorTests.rulesOnly()
            .validate(
                try document(
                    """
                    {"version": "1.4.1",
                     "action_chips": {"default_chips": {"Bad Id": {"label": "x", "value": "y"}, "ok_id": {"label": "x", "value": "y", "target_branch": "nowhere"}}},
                     "cta_settings": {"fallback_branch": "missing"},
                     "conversation_branches": {"real": {}}}
                    """
                )
            )
        #expect(report.errors.map(\.code) == [.invalidChipID, .unknownBranch, .unknownBranch])
        #expect(report.errors[0].location?.column == 37)
    }

    @Test func hashMustFollowTheRecipe() throws {
        let report = TenantValidator(schema: nil)
            .validate(try document(#"{"tenant_id": "MYR384719", "tenant_hash": "auc5b0ecb0adcb"}"#))
        #expect(report.errors.map(\.code) == [.hashMismatch])
        #expect(report.errors.first?.message.contains("expected my87674d777bf9 or 8767") == true)
    }

    @Test func overridesOutsideTheAllowListAreErrors() throws {
        var settings = TenantSettings()
        settings.overridable = ["api.timeout"]
        let report = TenantValidator(schema: nil, settings: settings)
            .validate(try document(#"{"config_overrides": {"api": {"timeout": 1, "baseUrl": "https://evil"}}}"#))
        #expect(report.errors.map(\.code) == [.overrideNotAllowed])
        #expect(report.errors.first?.pointer.description == "/config_overrides/api/baseUrl")
    }
}

struct TenantRuleEdgeTests {
    func document(_ text: String) throws -> JSONDocument { try JSONParser().parse(text, file: "t.json") }

    @Test func nullOrNonStringActionFieldsAreMissing() throws {
        let report = try TenantValidatorTests.rulesOnly()
            .validate(
                try document(
                    #"{"version": "1.3", "cta_definitions": {"a": {"action": "external_link", "url": null}, "b": {"action": "send_query", "query": 5}}}"#
                )
            )
        #expect(report.errors.map(\.code) == [.missingActionField, .missingActionField])
    }

    @Test func versionsWithAVPrefixOrGarbageStillGetTheRules() throws {
        let prefixed = try TenantValidatorTests.rulesOnly()
            .validate(try document(#"{"version": "v1.4", "conversational_forms": {"f": {}}}"#))
        #expect(prefixed.errors.map(\.code) == [.missingProgram])
        let garbage = try TenantValidatorTests.rulesOnly()
            .validate(try document(#"{"version": "latest", "conversational_forms": {"f": {}}}"#))
        #expect(garbage.errors.map(\.code) == [.missingProgram])
    }
}
