import BERS
import BERSJSON
import BERSTestSupport
import Testing

/// The real tenants of `../shared` migrated with the example catalog: the results the original
/// script was verified to give (original-bers.md §7.2), and the later steps it never had.
@Suite(.enabled(if: SharedFixtures.isAvailable, SharedFixtures.skipReason))
struct PicassoFixtureMigrationTests {
    static let promptedCTAs = [
        ("view_requirements", "Requirements"), ("lovebox_info", "Love Box"), ("daretodream_info", "Dare to Dream"),
        ("view_programs", "Programs"),
    ]
    static let inferredPrograms = [
        ("lovebox_application", "lovebox"), ("daretodream_application", "daretodream"),
        ("volunteer_general", "volunteer"),
    ]

    private func myr() throws -> JSONDocument {
        try #require(try MigrationFixture.picassoTenant("MYR384719-config.json"))
    }

    private func aus() throws -> JSONDocument {
        try #require(try MigrationFixture.picassoTenant("AUS123957-config.json"))
    }

    private static func prompt(_ text: String) -> JSONValue {
        .string("Tell me about \(text), including key details, requirements, and how to get involved or apply.")
    }

    @Test func myrToOneThreeGetsFourPromptsAndThreePrograms() throws {
        let document = try myr()
        #expect(document.value["version"] == "1.1")
        let result = try MigrationFixture.picassoMigrator().migrate(document, to: "1.3", now: MigrationFixture.now)
        #expect(result.fromVersion == "1.1")
        #expect(result.toVersion == "1.3")
        #expect(result.steps.map(\.step.name) == ["1.1 → 1.2", "1.2 → 1.3"])

        for (cta, text) in Self.promptedCTAs {
            #expect(
                result.migrated[pointer: JSONPointer(tokens: ["cta_definitions", cta, "prompt"])] == Self.prompt(text)
            )
        }
        let ctas = try #require(result.migrated["cta_definitions"]?.objectValue)
        #expect(ctas.filter { $0.value["prompt"] != nil }.map { $0.key } == Self.promptedCTAs.map { $0.0 })
        for (form, program) in Self.inferredPrograms {
            #expect(
                result.migrated[pointer: JSONPointer(tokens: ["conversational_forms", form, "program"])]
                    == .string(program)
            )
        }
        #expect(result.migrated["version"] == "1.3")
        #expect(result.migrated["generated_at"] == .integer(MigrationFixture.now.secondsSince1970))
        #expect(result.stamp?.before == 1_750_067_246)

        #expect(result.warnings.count == 7)
        #expect(result.warnings.allSatisfy { $0.code.rawValue == "tenant.migration-note" })
        #expect(
            result.warnings.map(\.pointer.description)
                == Self.promptedCTAs.map { "/cta_definitions/\($0.0)/prompt" }
                + Self.inferredPrograms.map { "/conversational_forms/\($0.0)/program" }
        )
        #expect(result.warnings.first?.location?.description == "MYR384719-config.json:210:26")

        #expect(result.preExisting.map(\.code) == [.unknownCTA, .unknownForm])
        #expect(result.preExisting.first?.message.contains("\"learn_more\"") == true)
        #expect(result.preExisting.last?.message.contains("\"eligibility_check\"") == true)
        #expect(result.introduced.isEmpty, "\(result.introduced)")
        #expect(result.errors.isEmpty)
        #expect(!result.isBlocked)

        // Nothing else changes: the patch adds the prompts and programs, and sets version and stamp.
        let expectedPatch =
            Self.promptedCTAs.map { "add /cta_definitions/\($0.0)/prompt" }
            + Self.inferredPrograms.map { "add /conversational_forms/\($0.0)/program" }
            + ["replace /version", "replace /generated_at"]
        #expect(Set(result.patch.map { "\($0.kind.rawValue) \($0.pointer)" }) == Set(expectedPatch))
        #expect(result.patch.count == expectedPatch.count)
    }

    @Test func ausToOneThreeOnlyGetsWhatTheCatalogAdds() throws {
        let result = try MigrationFixture.picassoMigrator().migrate(try aus(), to: "1.3", now: MigrationFixture.now)
        #expect(result.steps.map(\.step.name) == ["1.0 → 1.1", "1.1 → 1.2", "1.2 → 1.3"])
        #expect(
            Set(result.patch) == [
                JSONPatchOperation(kind: .add, pointer: "/card_inventory", value: json("{}")),
                JSONPatchOperation(kind: .replace, pointer: "/version", value: "1.3"),
                JSONPatchOperation(
                    kind: .replace,
                    pointer: "/generated_at",
                    value: .integer(MigrationFixture.now.secondsSince1970)
                ),
            ]
        )
        #expect(result.warnings.isEmpty)
        #expect(result.errors.isEmpty)
        // The missing subscription_tier is the document's own problem: reported, not blocking.
        #expect(result.preExisting.map(\.code) == [.schema])
        #expect(result.preExisting.first?.message.contains("subscription_tier") == true)
        #expect(result.introduced.isEmpty)
        #expect(!result.isBlocked)
    }

    @Test func myrToOneFiveHasChipMapNoStylesAndANewStamp() throws {
        let result = try MigrationFixture.picassoMigrator().migrate(try myr(), to: "1.5", now: MigrationFixture.now)
        #expect(result.steps.count == 5)
        #expect(result.migrated["version"] == "1.5")
        #expect(result.migrated["generated_at"] == .integer(1_796_378_400))

        let chips = try #require(result.migrated[pointer: "/action_chips/default_chips"]?.objectValue)
        #expect(chips.keys == ["how_can_i_volunteer", "our_programs", "donate", "contact_us"])
        #expect(chips.values.allSatisfy { $0["target_branch"] == .null })
        #expect(chips["donate"]?["label"] == "💝 Donate")
        #expect(chips["contact_us"]?["value"] == "How do I contact Atlanta Angels?")

        let ctas = try #require(result.migrated["cta_definitions"]?.objectValue)
        #expect(ctas.count == 10)
        #expect(ctas.values.allSatisfy { $0["style"] == nil })
        #expect(
            ctas["lovebox_apply"]
                == json(
                    #"{"text": "Apply for Love Box", "label": "Apply for Love Box", "action": "start_form", "formId": "lb_apply", "type": "form_trigger"}"#
                )
        )

        // 4 prompts and 3 programs, then 5 branches still using detection_keywords.
        #expect(result.warnings.count == 12)
        #expect(
            result.warnings.suffix(5).map(\.pointer.description)
                == [
                    "lovebox_discussion", "daretodream_discussion", "program_exploration", "requirements_discussion",
                    "volunteer_interest",
                ]
                .map { "/conversation_branches/\($0)/detection_keywords" }
        )
        #expect(result.introduced.isEmpty, "\(result.introduced)")
        #expect(!result.isBlocked)
        #expect(JSONPatch.applying(result.patch, to: result.original) == result.migrated)
    }

    @Test func theMigratedBytesAreTheMigratedDocument() throws {
        let result = try MigrationFixture.picassoMigrator().migrate(try myr(), to: "1.5", now: MigrationFixture.now)
        let bytes = result.bytes
        #expect(bytes.last == UInt8(ascii: "\n"))
        #expect(try JSONParser().parse(bytes).value == result.migrated)
    }
}
