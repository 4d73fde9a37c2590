import BERS
import BERSJSON
import Testing

/// `array-to-map`: the 1.4.1 chips become a map keyed by slugs (`^[a-z0-9_]+$`, repeats `_2`,
/// `_3`…) with `target_branch: null`.
@Suite struct ArrayToMapOperationTests {
    static let chips = #"""
        {"op": "array-to-map", "path": "/action_chips/default_chips", "key-from": ["label", "value"],
         "defaults": {"target_branch": null}}
        """#

    private func convert(_ chips: String) throws -> TenantMigrationResult {
        try MigrationFixture.run(
            #"{"version": "1.0", "action_chips": {"enabled": true, "default_chips": \#(chips)}}"#,
            Self.chips
        )
    }

    private func keys(_ result: TenantMigrationResult) -> [String]? {
        result.migrated[pointer: "/action_chips/default_chips"]?.objectValue?.keys
    }

    private static func isSlug(_ key: String) -> Bool {
        !key.isEmpty
            && key.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    @Test func myrChipsBecomeAMapKeyedBySlugs() throws {
        let result = try convert(
            #"""
            [{"label": "🤝 How can I volunteer?", "value": "How can I volunteer?"},
             {"label": "🎯 Our programs.", "value": "What programs do you offer?"},
             {"label": "💝 Donate", "value": "How can I donate or support?"},
             {"label": "❓Contact us.", "value": "How do I contact Atlanta Angels?"}]
            """#
        )
        #expect(keys(result) == ["how_can_i_volunteer", "our_programs", "donate", "contact_us"])
        #expect(
            result.migrated[pointer: "/action_chips/default_chips/how_can_i_volunteer"]
                == json(#"{"label": "🤝 How can I volunteer?", "value": "How can I volunteer?", "target_branch": null}"#)
        )
        let map = try #require(result.migrated[pointer: "/action_chips/default_chips"]?.objectValue)
        #expect(map.values.allSatisfy { $0["target_branch"] == .null })
        #expect(map.keys.allSatisfy(Self.isSlug))
        #expect(result.migrated[pointer: "/action_chips/enabled"] == true)
        #expect(result.errors.isEmpty)
    }

    @Test(
        arguments: [
            ("Donate!!!", "donate"), ("  --Contact   us--  ", "contact_us"), ("Top 10 FAQs", "top_10_faqs"),
            ("🤝🎯", "how_can_i_help"), ("snake_case_label", "snake_case_label"), ("CamelCase", "camelcase"),
        ]
    )
    func slugsKeepLowercaseLettersAndDigits(label: String, key: String) throws {
        let result = try convert(#"[{"label": "\#(label)", "value": "How can I help?"}]"#)
        #expect(keys(result) == [key])
    }

    @Test func repeatedSlugsGetSuffixes() throws {
        let result = try convert(
            #"""
            [{"label": "Donate", "value": "a"}, {"label": "donate!", "value": "b"}, {"label": "DONATE", "value": "c"},
             {"label": "x_2", "value": "d"}, {"label": "x", "value": "e"}, {"label": "x", "value": "f"}]
            """#
        )
        #expect(keys(result) == ["donate", "donate_2", "donate_3", "x_2", "x", "x_3"])
        #expect(result.migrated[pointer: "/action_chips/default_chips/donate_3/value"] == "c")
    }

    @Test func aChipWithoutAnyTextIsAnItem() throws {
        let result = try convert(#"[{"label": "🎉"}, {"label": "", "value": "!!"}]"#)
        #expect(keys(result) == ["item", "item_2"])
    }

    @Test func defaultsDoNotReplaceExistingMembers() throws {
        let result = try convert(#"[{"label": "Volunteer", "value": "v", "target_branch": "volunteer_interest"}]"#)
        #expect(result.migrated[pointer: "/action_chips/default_chips/volunteer/target_branch"] == "volunteer_interest")
    }

    @Test func anExistingMapIsLeftAlone() throws {
        let result = try convert(#"{"Not A Slug": {"label": "Donate", "value": "v"}}"#)
        #expect(result.migrated["action_chips"] == result.original["action_chips"])
        #expect(result.steps.first?.changes.map(\.pointer.description) == ["/version"])
    }

    @Test func aMissingArrayIsLeftAlone() throws {
        let result = try MigrationFixture.run(#"{"version": "1.0"}"#, Self.chips)
        #expect(result.migrated == json(#"{"version": "1.1"}"#))
    }

    @Test func anElementThatIsNotAnObjectIsAnError() throws {
        let result = try convert(#"[{"label": "Donate", "value": "d"}, "Contact us"]"#)
        #expect(result.isBlocked)
        let error = try #require(result.errors.first)
        #expect(error.code == .migrationUnconvertible)
        #expect(error.code.rawValue == "tenant.migration-unconvertible")
        #expect(error.pointer == "/action_chips/default_chips/1")
        #expect(error.message.contains("element 1 of /action_chips/default_chips is string, not an object"))
        #expect(error.location?.description == "tenant.json:1:107")
        #expect(
            result.migrated[pointer: "/action_chips/default_chips"]
                == result.original[pointer: "/action_chips/default_chips"]
        )
    }
}
