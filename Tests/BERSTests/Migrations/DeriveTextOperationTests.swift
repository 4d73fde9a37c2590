import BERS
import BERSJSON
import Testing

/// `derive-text`: a `show_info` CTA without `prompt` gets its query, or a prompt made from its
/// button text, as the original 1.2 → 1.3 script wrote it.
@Suite struct DeriveTextOperationTests {
    /// The operation of the Picasso catalog's 1.2 → 1.3 step.
    static let prompts = #"""
        {"op": "derive-text", "each": "/cta_definitions/*", "when": {"action": "show_info"}, "member": "prompt",
         "copy-from": ["query"], "text-from": ["label", "text"],
         "strip-prefixes": ["Learn About", "Learn More About", "View", "See", "Show Me", "Tell Me About", "Get Info About"],
         "template": "Tell me about {text}, including key details, requirements, and how to get involved or apply.",
         "empty-template": "Provide information about {lowercased}",
         "warning": "CTA \"{1}\" had no prompt; derived \"{value}\" from its button text: review the wording"}
        """#

    private func derive(_ ctas: String) throws -> TenantMigrationResult {
        try MigrationFixture.run(#"{"version": "1.0", "cta_definitions": \#(ctas)}"#, Self.prompts)
    }

    private func prompt(of cta: String, _ definition: String) throws -> JSONValue? {
        try derive(#"{"\#(cta)": \#(definition)}"#)
            .migrated[pointer: JSONPointer(tokens: ["cta_definitions", cta, "prompt"])]
    }

    private static func tellMe(_ text: String) -> JSONValue {
        .string("Tell me about \(text), including key details, requirements, and how to get involved or apply.")
    }

    @Test func myrStyleLabelsGivePromptsAndWarnings() throws {
        let result = try derive(
            #"""
            {"view_requirements": {"text": "View Requirements", "label": "View Requirements", "action": "show_info", "style": "secondary"},
             "lovebox_info": {"text": "Learn About Love Box", "label": "Learn About Love Box", "action": "show_info"},
             "lovebox_apply": {"label": "Apply for Love Box", "action": "start_form", "formId": "lb_apply"}}
            """#
        )
        #expect(result.migrated[pointer: "/cta_definitions/view_requirements/prompt"] == Self.tellMe("Requirements"))
        #expect(result.migrated[pointer: "/cta_definitions/lovebox_info/prompt"] == Self.tellMe("Love Box"))
        #expect(result.migrated[pointer: "/cta_definitions/lovebox_apply/prompt"] == nil)
        #expect(result.warnings.map(\.code) == [.migrationNote, .migrationNote])
        #expect(
            result.warnings.map(\.pointer.description) == [
                "/cta_definitions/view_requirements/prompt", "/cta_definitions/lovebox_info/prompt",
            ]
        )
        #expect(
            result.warnings.first?.message
                == #"CTA "view_requirements" had no prompt; derived "Tell me about Requirements, including key details, requirements, and how to get involved or apply." from its button text: review the wording"#
        )
        // The prompt does not exist in the input: the warning points at its CTA there.
        #expect(result.warnings.first?.location?.description == "tenant.json:1:61")
    }

    @Test func aQueryIsCopiedWithoutWarning() throws {
        let result = try derive(
            #"{"faq": {"action": "show_info", "label": "View FAQ", "query": "  What are your hours?  "}}"#
        )
        #expect(result.migrated[pointer: "/cta_definitions/faq/prompt"] == "What are your hours?")
        #expect(result.warnings.isEmpty)
    }

    @Test(
        arguments: [
            ("Learn More About Dare to Dream", "Dare to Dream"),
            ("learn about love box", "love box"),
            ("  View Programs ", "Programs"),
            ("Viewpoints", "Viewpoints"),
            ("Seeds of Hope", "Seeds of Hope"),
            ("View See More", "See More"),
            ("Get Info About Mentoring", "Mentoring"),
        ]
    )
    func oneLeadingPhraseIsRemovedAsAWholeWordIgnoringCase(label: String, rest: String) throws {
        #expect(try prompt(of: "info", #"{"action": "show_info", "label": "\#(label)"}"#) == Self.tellMe(rest))
    }

    @Test func theTextThenTheIdStandInForAMissingLabel() throws {
        #expect(
            try prompt(of: "a", #"{"action": "show_info", "label": "", "text": "Show Me Events"}"#)
                == Self.tellMe("Events")
        )
        #expect(try prompt(of: "volunteer_info", #"{"action": "show_info"}"#) == Self.tellMe("volunteer_info"))
    }

    @Test func nothingLeftGivesTheEmptyTemplate() throws {
        #expect(try prompt(of: "a", #"{"action": "show_info", "label": "View"}"#) == "Provide information about view")
        #expect(
            try prompt(of: "a", #"{"action": "show_info", "label": "Tell Me About"}"#)
                == "Provide information about tell me about"
        )
    }

    @Test func anExistingPromptAndOtherActionsAreLeftAlone() throws {
        let result = try derive(
            #"""
            {"kept": {"action": "show_info", "label": "View Programs", "prompt": "Our own wording"},
             "empty": {"action": "show_info", "label": "View Programs", "prompt": ""},
             "link": {"action": "external_link", "label": "View Site", "url": "https://example.org"}}
            """#
        )
        #expect(result.migrated["cta_definitions"] == result.original["cta_definitions"])
        #expect(result.warnings.isEmpty)
    }
}
