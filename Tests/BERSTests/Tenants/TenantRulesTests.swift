import BERS
import BERSJSON
import Testing

/// The declared rule language of `tenants.references` and `tenants.rules`, on small documents.
struct TenantRulesTests {
    /// The issues of `document` under the rules in `section` (the members of `tenants`).
    func check(_ section: String, _ document: String) throws -> TenantValidationReport {
        let project = try makeProject(["bers.json": #"{"tenants": {"# + section + "}}"])
        return TenantValidator(schema: nil, settings: project.settings.tenants)
            .validate(try JSONParser().parse(document, file: "t.json"))
    }

    static let branchReferences = #"""
        "references": [{"from": "/branches/*/cta", "to": "/ctas/{value}", "code": "acme.unknown-cta",
                        "message": "branch \"{1}\" offers \"{value}\""}]
        """#

    @Test func wildcardsMatchEveryMemberOfAnObject() throws {
        let report = try check(
            Self.branchReferences,
            #"{"ctas": {"apply": {}}, "branches": {"intro": {"cta": "apply"}, "outro": {"cta": "gone"}}}"#
        )
        #expect(report.errors.map(\.code.rawValue) == ["acme.unknown-cta"])
        #expect(report.errors.first?.pointer == "/branches/outro/cta")
        #expect(report.errors.first?.message == #"branch "outro" offers "gone""#)
        #expect(report.errors.first?.location?.description == "t.json:1:82")
    }

    @Test func wildcardsMatchEveryElementOfAnArray() throws {
        let report = try check(
            #""references": [{"from": "/offers/*", "to": "/ctas/{value}", "code": "acme.unknown-cta", "message": "offer {1} names {value}"}]"#,
            #"{"ctas": {"a": {}}, "offers": ["a", "b", 7]}"#
        )
        #expect(report.errors.map(\.pointer) == ["/offers/1"])
        #expect(report.errors.first?.message == "offer 1 names b")
    }

    @Test func aValueMayBeFoundAtAnyOfSeveralTargets() throws {
        let report = try check(
            #""references": [{"from": "/ctas/*/form", "to": ["/forms/{value}", "/forms/*/id"], "code": "acme.unknown-form"}]"#,
            #"""
            {"forms": {"by_key": {"id": "declared"}},
             "ctas": {"a": {"form": "by_key"}, "b": {"form": "declared"}, "c": {"form": "neither"}}}
            """#
        )
        #expect(report.errors.map(\.pointer) == ["/ctas/c/form"])
        #expect(report.errors.first?.message == #"/ctas/c/form names "neither", which does not exist"#)
    }

    @Test func targetsMayUseTheCaptures() throws {
        let report = try check(
            #""references": [{"from": "/sections/*/pick", "to": "/sections/{1}/options/{value}", "code": "acme.bad-pick"}]"#,
            #"{"sections": {"s": {"pick": "x", "options": {"x": 1}}, "t": {"pick": "x", "options": {"y": 1}}}}"#
        )
        #expect(report.errors.map(\.pointer) == ["/sections/t/pick"])
    }

    @Test func conditionsLimitWhereARuleApplies() throws {
        let report = try check(
            #"""
            "references": [{"from": "/ctas/*/formId", "when": {"/ctas/{1}/action": "start_form"},
                            "to": "/forms/{value}", "code": "acme.unknown-form"}]
            """#,
            #"{"forms": {}, "ctas": {"a": {"action": "start_form", "formId": "x"}, "b": {"action": "link", "formId": "x"}}}"#
        )
        #expect(report.errors.map(\.pointer) == ["/ctas/a/formId"])
    }

    @Test func aDiscriminatorChoosesTheRequiredField() throws {
        let report = try check(
            #"""
            "rules": [{"each": "/ctas/*", "by": "action", "type": "string",
                       "requires": {"start_form": "formId", "external_link": "url", "close": null},
                       "code": "acme.missing-field", "message": "{1}: {by} needs {field}",
                       "unknown": {"code": "acme.unknown-action", "message": "{1}: {by} is not one of {known}"}}]
            """#,
            #"""
            {"ctas": {"a": {"action": "start_form"}, "b": {"action": "external_link", "url": 5},
                      "c": {"action": "close"}, "d": {"action": "teleport"}, "e": {"action": "start_form", "formId": "f"},
                      "f": {"no_action": true}}}
            """#
        )
        #expect(
            report.errors.map(\.code.rawValue) == ["acme.missing-field", "acme.missing-field", "acme.unknown-action"]
        )
        #expect(
            report.errors.map(\.message) == [
                "a: start_form needs formId", "b: external_link needs url",
                "d: teleport is not one of start_form, external_link, close",
            ]
        )
        #expect(report.errors.map(\.pointer) == ["/ctas/a", "/ctas/b", "/ctas/d/action"])
    }

    @Test func anUnconditionalRequirementTreatsNullAndEmptyAsMissing() throws {
        let report = try check(
            #""rules": [{"each": "/forms/*", "requires": "program", "code": "acme.missing-program"}]"#,
            #"{"forms": {"a": {"program": 1}, "b": {"program": null}, "c": {"program": ""}, "d": {}, "e": 5}}"#
        )
        #expect(report.errors.map(\.pointer) == ["/forms/b", "/forms/c", "/forms/d"])
        #expect(report.errors.first?.message == #"/forms/b has no "program""#)
    }

    @Test func keyRulesCheckObjectKeysAtTheKeyAndSkipArrays() throws {
        let rules = #""rules": [{"keys": "/chips/*", "pattern": "^[a-z_]+$", "code": "acme.bad-id"}]"#
        let report = try check(rules, #"{"chips": {"ok_id": {}, "Bad Id": {}}}"#)
        #expect(report.errors.map(\.pointer) == ["/chips/Bad Id"])
        #expect(report.errors.first?.location?.column == 25)
        #expect(report.errors.first?.message == #"key "Bad Id" does not match ^[a-z_]+$"#)
        #expect(try check(rules, #"{"chips": [{}, {}]}"#).errors.isEmpty)
    }

    @Test func errorsFollowTheDocumentWhateverTheRuleOrder() throws {
        let report = try check(
            #"""
            "references": [{"from": "/a/*", "to": "/ids/{value}", "code": "acme.late"}],
            "rules": [{"keys": "/b/*", "pattern": "^x$", "code": "acme.early"}]
            """#,
            "{\"ids\": {},\n \"b\": {\"y\": 1},\n \"a\": {\"k\": \"missing\"}}"
        )
        #expect(report.errors.map(\.code.rawValue) == ["acme.early", "acme.late"])
    }

    @Test func templatesFillPlaceholdersAndKeepDoubledBraces() throws {
        let report = try check(
            #""references": [{"from": "/m/*/*", "to": "/ids/{value}", "code": "acme.x", "message": "{{{1}.{2}}} {key} at {pointer}"}]"#,
            #"{"ids": {}, "m": {"p": {"q": "v"}}}"#
        )
        #expect(report.errors.first?.message == "{p.q} q at /m/p/q")
    }
}

/// `since`: documents older than a rule's version get one migration warning per rule.
struct TenantRuleVersionTests {
    static let section = #"""
        "rules": [
          {"each": "/forms/*", "requires": "program", "since": "1.3", "code": "acme.missing-program",
           "message": "form {1} needs a program from {since}", "migration": "{count} form{s} ({items}) need {code} by {since}"},
          {"each": "/ctas/*", "by": "action", "requires": {"link": "url", "info": {"field": "prompt", "since": "2.0"}},
           "code": "acme.missing-field"}
        ]
        """#

    func check(_ document: String) throws -> TenantValidationReport {
        try TenantRulesTests().check(Self.section, document)
    }

    @Test func olderDocumentsGetOneGroupedWarning() throws {
        let report = try check(#"{"version": "1.2", "forms": {"a": {}, "b": {"program": "p"}, "c": {}}}"#)
        #expect(report.errors.isEmpty)
        #expect(report.warnings.map(\.code) == [.needsMigration])
        #expect(report.warnings.first?.pointer == "/forms")
        #expect(report.warnings.first?.message == "2 forms (a, c) need acme.missing-program by 1.3")
        #expect(report.warnings.first?.location?.description == "t.json:1:29")
    }

    @Test func documentsOfTheVersionOrLaterGetErrors() throws {
        for version in ["1.3", "1.3.0", "v1.4", "1.10"] {
            let report = try check(#"{"version": "\#(version)", "forms": {"a": {}}}"#)
            #expect(report.errors.map(\.message) == ["form a needs a program from 1.3"], "\(version)")
            #expect(report.warnings.isEmpty)
        }
    }

    @Test func aDocumentWithoutAVersionIsTheOldest() throws {
        let report = try check(#"{"forms": {"a": {}}}"#)
        #expect(report.errors.isEmpty)
        #expect(report.warnings.first?.message == "1 form (a) need acme.missing-program by 1.3")
    }

    @Test func aVersionThatDoesNotParseGetsTheNewestRules() throws {
        let report = try check(#"{"version": "latest", "forms": {"a": {}}, "ctas": {"x": {"action": "info"}}}"#)
        #expect(report.errors.count == 2)
        #expect(report.warnings.isEmpty)
    }

    @Test func aCaseMayHaveItsOwnSince() throws {
        let document = #"{"version": "1.5", "forms": {}, "ctas": {"x": {"action": "info"}, "y": {"action": "link"}}}"#
        let report = try check(document)
        #expect(report.errors.map(\.pointer) == ["/ctas/y"])
        #expect(report.warnings.map(\.pointer) == ["/ctas"])
        #expect(report.warnings.first?.message == "1 place (x) break acme.missing-field, which version 2.0 requires")
    }
}

/// Rules declared in code (without a project) and their codes.
struct TenantRulesDeclarationTests {
    @Test func rulesReadFromAnyDocument() throws {
        let rules = try TenantRules(
            document: try JSONParser()
                .parse(
                    #"{"references": [{"from": "/a", "to": "/ids/{value}", "code": "acme.unknown-id"}], "rules": [{"keys": "/b/*", "pattern": "^x$", "code": "acme.bad-key"}]}"#,
                    file: "rules.json"
                )
        )
        #expect(rules.count == 2)
        #expect(rules.codes.map(\.rawValue) == ["acme.unknown-id", "acme.bad-key"])
        var settings = TenantSettings()
        settings.rules = rules
        let report = TenantValidator(schema: nil, settings: settings)
            .validate(try JSONParser().parse(#"{"a": "nope", "ids": {}}"#, file: "t.json"))
        #expect(report.errors.map(\.code) == [TenantIssue.Code("acme.unknown-id")])
    }

    @Test func noRulesCheckNothing() throws {
        #expect(TenantSettings().rules.isEmpty)
        let report = TenantValidator(schema: nil)
            .validate(try JSONParser().parse(#"{"cta_definitions": {"a": {"action": "teleport"}}}"#, file: "t.json"))
        #expect(report.isValid)
    }

    @Test func theExampleDeclaresPicassosCodes() throws {
        let project = try ConfigProject(directory: TenantValidatorTests.examples + "/config")
        #expect(
            project.settings.tenants.rules.codes == [
                .unknownCTA, .unknownForm, .unknownBranch, .missingActionField, .unknownAction, .missingProgram,
                .invalidChipID,
            ]
        )
    }

    @Test(arguments: ["tenant.unknown-cta", "acme.a1.b-c"])
    func wellFormedCodes(_ text: String) { #expect(TenantIssue.Code(text).isWellFormed) }

    @Test(arguments: ["tenant", "Tenant.x", "tenant..x", "tenant.-x", "tenant.x-", "tenant.a b", ""])
    func malformedCodes(_ text: String) { #expect(!TenantIssue.Code(text).isWellFormed) }
}
