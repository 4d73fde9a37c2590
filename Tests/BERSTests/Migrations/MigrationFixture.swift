import BERS
import BERSJSON
import BERSTestSupport
import Foundation

/// Migrators and documents for the tenant-migration tests.
///
/// Inline catalogs go through the public path a project takes (`bers.json` naming a migrations
/// file, ``ConfigProject/tenantMigrator()``), so the operations are read exactly as in use.
enum MigrationFixture {
    /// The example project's config directory.
    static let exampleConfig = SharedFixtures.packageRoot.appendingPathComponent("Examples/picasso/config").path

    /// The Picasso example's migrator: its catalog, tenant schema and declared rules.
    static func picassoMigrator() throws -> TenantMigrator {
        try ConfigProject(directory: exampleConfig).tenantMigrator()
    }

    /// A project in memory whose `tenant-migrations.json` is `migrations`.
    static func project(migrations: String) throws(ConfigError) -> ConfigProject {
        try makeProject([
            "bers.json": #"{"tenants": {"migrations": "tenant-migrations.json"}}"#,
            "tenant-migrations.json": migrations,
        ])
    }

    /// The file name inline catalogs are read from, as locations show it.
    static let catalogFile = "config/tenant-migrations.json"

    /// A migrator with one step `1.0` → `1.1` made of `operations` (JSON objects as text), without
    /// schema or rules.
    static func migrator(_ operations: String...) throws -> TenantMigrator {
        try project(migrations: oneStep(operations)).tenantMigrator()
    }

    /// A catalog with one step `1.0` → `1.1` made of `operations`.
    static func oneStep(_ operations: [String]) -> String {
        #"{"steps": [{"from": "1.0", "to": "1.1", "description": "test", "operations": [\#(operations.joined(separator: ", "))]}]}"#
    }

    /// `text` parsed as a document read from `file`.
    static func document(_ text: String, file: String = "tenant.json") throws -> JSONDocument {
        try JSONParser().parse(text, file: file)
    }

    /// `document` (version 1.0) migrated to 1.1 by a one-step catalog of `operations`.
    static func run(_ document: String, _ operations: String...) throws -> TenantMigrationResult {
        let migrator = try project(migrations: oneStep(operations)).tenantMigrator()
        return try migrator.migrate(try Self.document(document), to: "1.1")
    }

    /// A Picasso fixture of `../shared` parsed, named by its file name.
    static func picassoTenant(_ name: String) throws -> JSONDocument? {
        guard let bytes = SharedFixtures.bytes("fixtures/picasso/tenants/\(name)") else { return nil }
        return try JSONParser().parse(bytes, file: name)
    }

    /// A fixed migration time: 2026-12-04T10:00:00Z.
    static let now = UTCTimestamp(secondsSince1970: 1_796_378_400)
}
