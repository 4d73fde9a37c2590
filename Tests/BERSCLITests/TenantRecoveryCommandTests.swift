import BERSJSON
import BERSTestSupport
import Foundation
import Testing

/// `bers tenant history` and `rollback` when the current document is missing or unreadable (the
/// reason rollback exists), and a store's tenant file migrated by its path, whose backup the
/// store's history then lists.
@Suite(
    .enabled(if: CLIRunner.isAvailable, "the bers executable was not built"),
    .enabled(if: SharedFixtures.isAvailable, SharedFixtures.skipReason)
)
struct TenantRecoveryCommandTests {
    static let hash = "deace9779fcea6"

    /// A copy of the example whose DEMO200002 was migrated to 1.5 (one backup, the original);
    /// returns it, the original bytes and the backup's name.
    private func migratedCopy() throws -> (PicassoCopy, [UInt8], String) {
        let copy = try PicassoCopy()
        let original = try TenantFiles.bytes(copy.document("DEMO200002"))
        let migrate = try CLIRunner.run(["tenant", "migrate", Self.hash, "--to", "1.5", "--config-dir", copy.config])
        #expect(migrate.status == 0, "\(migrate.stderr)")
        let names = try TenantFiles.visibleNames(copy.tenantDirectory("DEMO200002"))
        let backup = try #require(names.first { $0 != "DEMO200002-config.json" })
        return (copy, original, backup)
    }

    @Test func aDeletedDocumentIsListedAsMissingAndRestoredByHash() throws {
        let (copy, original, backup) = try migratedCopy()
        defer { copy.remove() }
        try FileManager.default.removeItem(atPath: copy.document("DEMO200002"))

        let history = try CLIRunner.run(["tenant", "history", Self.hash, "--config-dir", copy.config])
        #expect(history.status == 0, "\(history.stderr)")
        #expect(history.stdout.contains("version 1.0"))
        #expect(history.stdout.contains("tenants/DEMO200002/\(backup)\n"))
        #expect(history.stdout.contains("the current document \(copy.document("DEMO200002")) is missing"))
        #expect(!history.stdout.contains("no backups yet"))
        let listed = try CLIRunner.run(["tenant", "history", Self.hash, "--config-dir", copy.config, "--json"])
        let entries = try #require(try JSONValue(parsing: listed.stdout).arrayValue)
        #expect(entries.map { $0["current"] } == [.bool(false)])

        let rollback = try CLIRunner.run(["tenant", "rollback", Self.hash, "--config-dir", copy.config, "--json"])
        #expect(rollback.status == 0, "\(rollback.stderr)")
        let report = try JSONValue(parsing: rollback.stdout)
        #expect(report["current"] == "missing")
        #expect(report["written"] == "tenants/DEMO200002/DEMO200002-config.json")
        #expect(report["backup"] == .null)
        #expect(try TenantFiles.bytes(copy.document("DEMO200002")) == original)
    }

    @Test func anUnreadableDocumentIsBackedUpThenRestored() throws {
        let (copy, original, backup) = try migratedCopy()
        defer { copy.remove() }
        try TenantFiles.write(Array("garbage".utf8), to: copy.document("DEMO200002"))

        let history = try CLIRunner.run(["tenant", "history", Self.hash, "--config-dir", copy.config])
        #expect(history.status == 0, "\(history.stderr)")
        #expect(history.stdout.hasPrefix("current "))
        #expect(history.stdout.contains("is unreadable"))
        #expect(history.stdout.contains("tenants/DEMO200002/\(backup)\n"))

        let rollback = try CLIRunner.run(["tenant", "rollback", Self.hash, "--config-dir", copy.config])
        #expect(rollback.status == 0, "\(rollback.stderr)")
        #expect(rollback.stdout.contains("the current document is unreadable"))
        #expect(try TenantFiles.bytes(copy.document("DEMO200002")) == original)
        let names = try TenantFiles.visibleNames(copy.tenantDirectory("DEMO200002"))
        let kept = names.filter { $0 != "DEMO200002-config.json" && $0 != backup }
        #expect(kept.count == 1)
        let keptBytes = try TenantFiles.bytes(copy.tenantDirectory("DEMO200002") + "/" + (kept.first ?? ""))
        #expect(keptBytes == Array("garbage".utf8))
    }

    @Test func aDeletedFileIsRestoredFromTheBackupsBesideIt() throws {
        let folder = try TemporaryDirectory(prefix: "bers-recovery-file")
        defer { folder.remove() }
        let path = folder.path + "/tenant.json"
        let original = try #require(SharedFixtures.bytes("fixtures/picasso/tenants/MYR384719-config.json"))
        try TenantFiles.write(original, to: path)
        let migrate = try CLIRunner.run(["tenant", "migrate", path, "--to", "1.3", "--config-dir", picasso])
        #expect(migrate.status == 0, "\(migrate.stderr)")
        try FileManager.default.removeItem(atPath: path)

        let history = try CLIRunner.run(["tenant", "history", path])
        #expect(history.status == 0, "\(history.stderr)")
        #expect(history.stdout.contains("the current document \(path) is missing"))
        let rollback = try CLIRunner.run(["tenant", "rollback", path, "--config-dir", picasso])
        #expect(rollback.status == 0, "\(rollback.stderr)")
        #expect(try TenantFiles.bytes(path) == original)

        // Nothing at all: still an error.
        let nothing = try CLIRunner.run(["tenant", "history", folder.path + "/other.json"])
        #expect(nothing.status == 2)
        #expect(nothing.stderr.contains("other.json does not exist and has no backups"))
    }

    @Test func aStoresTenantFileMigratedByItsPathIsBackedUpAsTheStoreDoesIt() throws {
        let copy = try PicassoCopy()
        defer { copy.remove() }
        let migrate = try CLIRunner.run([
            "tenant", "migrate", copy.document("DEMO200002"), "--to", "1.5", "--config-dir", copy.config,
        ])
        #expect(migrate.status == 0, "\(migrate.stderr)")
        let names = try TenantFiles.visibleNames(copy.tenantDirectory("DEMO200002"))
        let backup = try #require(names.first { $0 != "DEMO200002-config.json" })
        #expect(TenantFiles.isBackup(backup, stem: "DEMO200002"), "\(backup)")

        let history = try CLIRunner.run(["tenant", "history", Self.hash, "--config-dir", copy.config, "--json"])
        #expect(history.status == 0, "\(history.stderr)")
        let entries = try #require(try JSONValue(parsing: history.stdout).arrayValue)
        #expect(
            entries.compactMap { $0["key"]?.stringValue } == [
                "tenants/DEMO200002/DEMO200002-config.json", "tenants/DEMO200002/\(backup)",
            ]
        )
        // And the file's own history finds the same backup.
        let byPath = try CLIRunner.run(["tenant", "history", copy.document("DEMO200002"), "--json"])
        let fileEntries = try #require(try JSONValue(parsing: byPath.stdout).arrayValue)
        #expect(fileEntries.compactMap { $0["key"]?.stringValue } == ["DEMO200002-config.json", backup])
    }

    @Test func aBackupNamedAfterTheFileBeforeIsListedAndRestoredByItsPath() throws {
        let (copy, original, backup) = try migratedCopy()
        defer { copy.remove() }
        // Backups made through the file's path were named after it before they took the store's name.
        let oldName = "DEMO200002-config-" + backup.dropFirst("DEMO200002-".count)
        let directory = copy.tenantDirectory("DEMO200002")
        try FileManager.default.moveItem(atPath: directory + "/" + backup, toPath: directory + "/" + oldName)

        let byPath = try CLIRunner.run(["tenant", "history", copy.document("DEMO200002")])
        #expect(byPath.status == 0, "\(byPath.stderr)")
        #expect(byPath.stdout.contains("\(oldName)\n"))
        #expect(!byPath.stdout.contains("no backups yet"))
        let byHash = try CLIRunner.run(["tenant", "history", Self.hash, "--config-dir", copy.config])
        #expect(byHash.stdout.contains("tenants/DEMO200002/\(oldName)\n"), "\(byHash.stdout)")

        let rollback = try CLIRunner.run([
            "tenant", "rollback", copy.document("DEMO200002"), "--config-dir", copy.config,
        ])
        #expect(rollback.status == 0, "\(rollback.stderr)")
        #expect(try TenantFiles.bytes(copy.document("DEMO200002")) == original)
    }

    @Test func aPreExistingChipProblemIsNotBlamedOnTheMigrationThatMovesIt() throws {
        let copy = try PicassoCopy()
        defer { copy.remove() }
        let path = copy.folder.path + "/tenant.json"
        let source = try #require(SharedFixtures.bytes("fixtures/picasso/tenants/MYR384719-config.json"))
        try TenantFiles.write(source, to: path)
        let toOneFour = try CLIRunner.run(["tenant", "migrate", path, "--to", "1.4", "--config-dir", copy.config])
        #expect(toOneFour.status == 0, "\(toOneFour.stderr)")
        var document = try #require(
            try JSONSerialization.jsonObject(with: Data(try TenantFiles.bytes(path))) as? [String: Any]
        )
        var actionChips = try #require(document["action_chips"] as? [String: Any])
        var chips = try #require(actionChips["default_chips"] as? [[String: Any]])
        let donate = try #require(chips.firstIndex { ($0["label"] as? String)?.contains("Donate") == true })
        chips[donate]["target_branch"] = "nowhere"
        actionChips["default_chips"] = chips
        document["action_chips"] = actionChips
        try TenantFiles.write(Array(try JSONSerialization.data(withJSONObject: document)), to: path)

        let migrate = try CLIRunner.run(["tenant", "migrate", path, "--to", "1.4.1", "--config-dir", copy.config])
        #expect(migrate.status == 0, "\(migrate.stdout)\(migrate.stderr)")
        #expect(!migrate.stdout.contains("introduced by the migration"))
        #expect(
            migrate.stdout.contains(
                "note (already in the document, not blocking): "
            ) && migrate.stdout.contains("/action_chips/default_chips/donate/target_branch")
        )
    }
}
