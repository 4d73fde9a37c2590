import BERS
import BERSJSON
import BERSTestSupport
import Foundation
import Testing

/// ATL642715, the migration the original script got wrong: its donation form names no program.
///
/// The fixture is not in `../shared`; this is a reconstruction from original-bers.md §7.2 and
/// §16 (version 1.1, older field shape, forms inferred as volunteer / none / general). The
/// original wrote `NEEDS_ASSIGNMENT` and saved the invalid file; BERS stops and writes nothing.
@Suite struct ATL642715MigrationTests {
    static let key = "tenants/ATL642715/ATL642715-config.json"

    static let text = """
        {
          "tenant_id": "ATL642715",
          "tenant_hash": "at807c3896fbd2",
          "subscription_tier": "Standard",
          "chat_title": "Atlanta Angels",
          "tone_prompt": "You are the assistant of Atlanta Angels.",
          "welcome_message": "Welcome! How can we help?",
          "version": "1.1",
          "generated_at": 1750067246,
          "conversational_forms": {
            "volunteer_signup": {
              "enabled": true,
              "title": "Volunteer Application",
              "fields": [{"name": "phone", "type": "tel", "label": "Phone", "validation": "min:10"}]
            },
            "donation": {
              "enabled": true,
              "title": "Make a Donation",
              "fields": [{"name": "amount", "type": "currency", "label": "Amount"}],
              "fulfillment": {"type": "redirect", "url": "https://example.org/give", "pass_data": true}
            },
            "general_inquiry": {
              "enabled": true,
              "title": "General Question",
              "fields": [{"name": "question", "type": "text", "label": "Your question"}]
            }
          },
          "form_settings": {"max_retries": 3, "retry_prompt": "Sorry: {original_prompt}"}
        }

        """

    private func document() throws -> JSONDocument { try MigrationFixture.document(Self.text, file: Self.key) }

    @Test func theDonationFormBlocksTheMigrationWithItsLocation() throws {
        let result = try MigrationFixture.picassoMigrator()
            .migrate(try document(), to: "1.3", now: MigrationFixture.now)
        #expect(result.isBlocked)
        #expect(result.errors.count == 1)
        let error = try #require(result.errors.first)
        #expect(error.code.rawValue == "tenant.program-not-inferable")
        #expect(error.pointer == "/conversational_forms/donation")
        #expect(error.message.contains(#"form "donation" has no program"#))
        #expect(error.location?.description == "\(Self.key):16:17")
        #expect(error.description.hasPrefix("\(Self.key):16:17: "))

        // The other two forms were inferred; the donation form got nothing invented.
        #expect(result.migrated[pointer: "/conversational_forms/volunteer_signup/program"] == "volunteer")
        #expect(result.migrated[pointer: "/conversational_forms/general_inquiry/program"] == "general")
        #expect(result.migrated[pointer: "/conversational_forms/donation/program"] == nil)
        #expect(result.warnings.map(\.pointer.description).contains("/conversational_forms/donation/program") == false)
        // The step's error is the failure; it is not repeated as a problem of the input.
        #expect(!result.preExisting.contains { $0.pointer.description.hasPrefix("/conversational_forms/donation") })
    }

    @Test func aBlockedMigrationWritesNothingToAStore() async throws {
        let store = ScriptedTenantStore([Self.key: Self.text])
        let place = TenantDocumentPlace.tenant("ATL642715", in: store)
        let (result, written) = try await MigrationFixture.picassoMigrator()
            .migrate(place, to: "1.3", write: true, now: MigrationFixture.now)
        #expect(result.isBlocked)
        #expect(written == nil)
        #expect(try await store.list(prefix: "") == [Self.key])
        guard case .found(let object) = try await store.get(Self.key) else {
            Issue.record("the document disappeared")
            return
        }
        #expect(object.bytes == Array(Self.text.utf8))
        #expect(try await place.backups().isEmpty)
    }

    @Test func aBlockedMigrationWritesNothingToAFileStore() async throws {
        let folder = try TemporaryDirectory(prefix: "bers-atl")
        defer { folder.remove() }
        try folder.write(Self.key, Self.text)
        let store = FileSystemTenantStore(root: folder.path)
        let place = TenantDocumentPlace.tenant("ATL642715", in: store)
        let (result, written) = try await MigrationFixture.picassoMigrator()
            .migrate(place, to: "1.3", write: true, now: MigrationFixture.now)
        #expect(result.isBlocked)
        #expect(written == nil)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path + "/tenants/ATL642715") == [
                "ATL642715-config.json"
            ]
        )
        #expect(try Data(contentsOf: folder.url.appendingPathComponent(Self.key)) == Data(Self.text.utf8))
    }
}
