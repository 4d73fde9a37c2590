import BERS
import BERSJSON
import Testing

/// The Picasso version chain: paths between versions, refusals, and where a migration starts.
@Suite struct TenantMigrationCatalogTests {
    private func catalog() throws -> TenantMigrationCatalog { try MigrationFixture.picassoMigrator().catalog }

    @Test func theExampleChainRunsFromOneZeroToOneFive() throws {
        let catalog = try catalog()
        #expect(catalog.latestVersion == "1.5")
        #expect(catalog.stamp == "/generated_at")
        #expect(
            catalog.steps.map(\.name) == [
                "1.0 → 1.1", "1.1 → 1.2", "1.2 → 1.3", "1.3 → 1.4", "1.4 → 1.4.1", "1.4.1 → 1.5",
            ]
        )
        #expect(catalog.steps.allSatisfy { !$0.description.isEmpty })
    }

    @Test(
        arguments: [
            ("1.0", "1.5", ["1.0 → 1.1", "1.1 → 1.2", "1.2 → 1.3", "1.3 → 1.4", "1.4 → 1.4.1", "1.4.1 → 1.5"]),
            ("1.2", "1.3", ["1.2 → 1.3"]),
            ("1.1", "1.4.1", ["1.1 → 1.2", "1.2 → 1.3", "1.3 → 1.4", "1.4 → 1.4.1"]),
            ("1.4.1", "1.5", ["1.4.1 → 1.5"]),
            ("1.3", "1.3", []),
        ]
    )
    func pathsFollowTheChain(from: String, to: String, names: [String]) throws {
        #expect(try catalog().path(from: from, to: to).map(\.name) == names)
    }

    @Test func goingBackwardsIsRefused() throws {
        let error = try #require(throws: TenantError.self) { try catalog().path(from: "1.4", to: "1.3") }
        #expect(error.code == .migrationFailed)
        #expect(error.code.rawValue == "tenant.migration-failed")
        #expect(error.message.contains("newer than 1.3; migrations only go forward"))
    }

    @Test(arguments: [("0.9", "1.3", "version 0.9"), ("1.3", "2.0", "version 1.5"), ("1.2.7", "1.3", "version 1.2.7")])
    func versionsOffTheChainAreRefused(from: String, to: String, missing: String) throws {
        let error = try #require(throws: TenantError.self) { try catalog().path(from: from, to: to) }
        #expect(error.code == .migrationFailed)
        #expect(error.message.contains("no migration step starts at \(missing)"))
        #expect(error.message.contains("1.0 → 1.1 → 1.2 → 1.3 → 1.4 → 1.4.1 → 1.5"))
    }

    @Test func aBadVersionStringIsRefused() throws {
        let error = try #require(throws: TenantError.self) { try catalog().path(from: "latest", to: "1.3") }
        #expect(error.code == .migrationFailed)
        #expect(error.message.contains("versions are dot-separated numbers"))
    }

    @Test func aDocumentWithoutVersionNeedsFrom() throws {
        let migrator = try MigrationFixture.picassoMigrator()
        let document = try MigrationFixture.document("{\n  \"chat_title\": \"Untitled\"\n}")
        let error = try #require(throws: TenantError.self) { try migrator.migrate(document, to: "1.1") }
        #expect(error.code == .migrationFailed)
        #expect(error.message.contains("has no \"version\"; pass --from"))
        #expect(error.location?.description == "tenant.json:1:1")

        let result = try migrator.migrate(document, to: "1.1", from: "1.0", now: MigrationFixture.now)
        #expect(result.fromVersion == "1.0")
        #expect(result.migrated["version"] == "1.1")
        #expect(result.migrated["card_inventory"] == json("{}"))
    }

    @Test func aVersionThatIsNotAVersionIsLocated() throws {
        let document = try MigrationFixture.document("{\n  \"version\": 1.3\n}")
        let error = try #require(throws: TenantError.self) {
            try MigrationFixture.picassoMigrator().migrate(document, to: "1.5")
        }
        #expect(error.code == .migrationFailed)
        #expect(error.message.contains("\"version\" is 1.3, not a version"))
        #expect(error.location?.description == "tenant.json:2:14")
    }

    @Test func fromContradictingTheDocumentsVersionIsRefused() throws {
        let document = try MigrationFixture.document(#"{"version": "1.2"}"#)
        let error = try #require(throws: TenantError.self) {
            try MigrationFixture.picassoMigrator().migrate(document, to: "1.3", from: "1.0")
        }
        #expect(error.code == .migrationFailed)
        #expect(error.message.contains("says it is version 1.2, not 1.0"))
        #expect(error.location?.description == "tenant.json:1:13")
        let agreeing = try MigrationFixture.picassoMigrator().migrate(document, to: "1.3", from: "1.2")
        #expect(agreeing.steps.map(\.step.name) == ["1.2 → 1.3"])
    }

    @Test func withoutTargetTheLatestVersionIsTheGoal() throws {
        let document = try MigrationFixture.document(#"{"version": "1.4"}"#)
        let result = try MigrationFixture.picassoMigrator().migrate(document, to: nil)
        #expect(result.toVersion == "1.5")
        #expect(result.migrated == json(#"{"version": "1.5"}"#))
    }

    @Test func aDocumentAtTheTargetIsUnchangedAndNotStamped() throws {
        let document = try MigrationFixture.document(#"{"version": "1.3", "generated_at": 1750067246}"#)
        let result = try MigrationFixture.picassoMigrator().migrate(document, to: "1.3", now: MigrationFixture.now)
        #expect(result.steps.isEmpty)
        #expect(result.isUnchanged)
        #expect(result.stamp == nil)
        #expect(result.patch.isEmpty)
    }

    @Test func aCatalogWithoutStepsCannotMigrate() throws {
        let migrator = try MigrationFixture.project(migrations: #"{"steps": []}"#).tenantMigrator()
        #expect(migrator.catalog.latestVersion == nil)
        let error = try #require(throws: TenantError.self) {
            try migrator.migrate(try MigrationFixture.document(#"{"version": "1.0"}"#), to: nil)
        }
        #expect(error.code == .migrationFailed)
        #expect(error.message.contains("declares no migration steps"))
    }
}
