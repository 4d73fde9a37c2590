import BERS
import BERSJSON
import BERSTestSupport
import Foundation
import Testing

/// Rolling back a tenant whose current document is missing or unreadable.
///
/// That is the reason backups exist: history still lists them, the rollback restores one, and
/// unreadable bytes are backed up before they are replaced.
@Suite struct TenantRecoveryTests {
    /// The tenant, its document and its migration time are those of the history tests.
    static let key = TenantHistoryAndRollbackTests.key
    static let original = TenantHistoryAndRollbackTests.original
    /// 2026-12-04T10:00:00Z: the migration.
    static let first = TenantHistoryAndRollbackTests.first
    /// 2026-12-06T12:00:00Z: the rollback.
    static let later = TenantHistoryAndRollbackTests.third

    private static func backupKey(_ time: UTCTimestamp) -> String { TenantHistoryAndRollbackTests.backupKey(time) }

    /// A file store whose tenant was migrated to 1.1 at `first` (so it has one backup, the
    /// original), with its mapping.
    private func migratedOnce() async throws -> (TemporaryDirectory, TenantDocumentPlace, TenantMigrator) {
        let folder = try TemporaryDirectory(prefix: "bers-recovery")
        try folder.write(Self.key, Self.original)
        try folder.write("mappings/my87674d777bf9.json", #"{"tenant_id": "MYR384719"}"#)
        let place = TenantDocumentPlace.tenant("MYR384719", in: FileSystemTenantStore(root: folder.path))
        let migrator = try MigrationFixture.picassoMigrator()
        let (result, written) = try await migrator.migrate(place, to: "1.1", write: true, now: Self.first)
        #expect(!result.isBlocked, "\(result.introduced)")
        #expect(written?.backupKey == Self.backupKey(Self.first))
        return (folder, place, migrator)
    }

    private func bytes(_ place: TenantDocumentPlace, _ key: String) async throws -> [UInt8]? {
        guard case .found(let object) = try await place.store.get(key) else { return nil }
        return object.bytes
    }

    @Test func aMissingDocumentIsRestoredFromItsNewestBackup() async throws {
        let (folder, place, migrator) = try await migratedOnce()
        defer { folder.remove() }
        try FileManager.default.removeItem(atPath: folder.path + "/" + Self.key)
        let history = try await place.history()
        #expect(history.map(\.key) == [Self.backupKey(Self.first)])
        #expect(history.map(\.isCurrent) == [false])

        let rollback = TenantRollback(validator: migrator.validator)
        let plan = try await rollback.plan(place, to: nil)
        #expect(plan.current == nil)
        #expect(plan.unreadableCurrent == nil)
        #expect(plan.introduced.isEmpty, "\(plan.introduced)")
        let outcome = try await rollback.restore(plan, at: place, writer: TenantChangeWriter(), now: Self.later)
        #expect(outcome.key == Self.key)
        #expect(outcome.backupKey == nil)
        #expect(try await bytes(place, Self.key) == Array(Self.original.utf8))
    }

    @Test(arguments: ["garbage", "[1, 2]", #"{"tenant_id": "#])
    func anUnreadableDocumentIsBackedUpThenReplaced(broken: String) async throws {
        let (folder, place, migrator) = try await migratedOnce()
        defer { folder.remove() }
        try folder.write(Self.key, broken)
        let history = try await place.history()
        #expect(history.map(\.key) == [Self.key, Self.backupKey(Self.first)])
        #expect(history.map(\.isReadable) == [false, true])
        #expect(history.first?.version == nil)

        let rollback = TenantRollback(validator: migrator.validator)
        let plan = try await rollback.plan(place, to: nil)
        #expect(plan.current?.bytes == Array(broken.utf8))
        #expect(plan.unreadableCurrent?.code == .malformedDocument)
        #expect(plan.introduced.isEmpty, "\(plan.introduced)")
        let outcome = try await rollback.restore(plan, at: place, writer: TenantChangeWriter(), now: Self.later)
        #expect(outcome.backupKey == Self.backupKey(Self.later))
        #expect(try await bytes(place, Self.backupKey(Self.later)) == Array(broken.utf8))
        #expect(try await bytes(place, Self.key) == Array(Self.original.utf8))
    }

    @Test func aBrokenDocumentIsLocatedOnlyWhenAskedTo() async throws {
        let (folder, place, _) = try await migratedOnce()
        defer { folder.remove() }
        let hash = try TenantHash("my87674d777bf9")
        try folder.write(Self.key, "garbage")
        let strict = try await #require(throws: TenantError.self) {
            try await TenantDocumentPlace.locate(hash, in: place.store)
        }
        #expect(strict.code == .malformedDocument)
        let located = try await TenantDocumentPlace.locate(hash, in: place.store, acceptingUnreadable: true)
        #expect(located.key == Self.key)
        #expect(located.backupStem == "tenants/MYR384719/MYR384719")
        #expect(located.description == place.description)

        try FileManager.default.removeItem(atPath: folder.path + "/" + Self.key)
        let missing = try await TenantDocumentPlace.locate(hash, in: place.store, acceptingUnreadable: true)
        #expect(missing.key == Self.key)
        // Where only the legacy key holds something, that is the place.
        try folder.write("tenants/MYR384719/config.json", "garbage")
        let legacy = try await TenantDocumentPlace.locate(hash, in: place.store, acceptingUnreadable: true)
        #expect(legacy.key == "tenants/MYR384719/config.json")
        #expect(legacy.backupStem == "tenants/MYR384719/MYR384719")
    }

    @Test func aMissingMappingIsStillAnError() async throws {
        let (folder, place, _) = try await migratedOnce()
        defer { folder.remove() }
        let error = try await #require(throws: TenantError.self) {
            try await TenantDocumentPlace.locate(
                try TenantHash("auc5b0ecb0adcb"),
                in: place.store,
                acceptingUnreadable: true
            )
        }
        #expect(error.code == .notFound)
        #expect(error.message.contains("no tenant has hash auc5b0ecb0adcb"))
    }

    /// Moves the backup taken at `first` to `name` in the tenant's folder, as a backup made
    /// through the file's path was named before backups took the store's name.
    private func rename(backupIn folder: TemporaryDirectory, to name: String) throws {
        try FileManager.default.moveItem(
            atPath: folder.path + "/" + Self.backupKey(Self.first),
            toPath: folder.path + "/tenants/MYR384719/" + name
        )
    }

    @Test func aBackupNamedAfterTheFileIsListedAndRestored() async throws {
        let (folder, place, migrator) = try await migratedOnce()
        defer { folder.remove() }
        let oldName = "MYR384719-config-\(Self.first).json"
        try rename(backupIn: folder, to: oldName)
        let file = TenantDocumentPlace.file(folder.path + "/" + Self.key)
        #expect(try await file.history().map(\.key) == ["MYR384719-config.json", oldName])
        let byHash = try await TenantDocumentPlace.locate(try TenantHash("my87674d777bf9"), in: place.store)
        #expect(try await byHash.backups().map(\.key) == ["tenants/MYR384719/" + oldName])

        let rollback = TenantRollback(validator: migrator.validator)
        let plan = try await rollback.plan(file, to: nil)
        #expect(plan.backup.key == oldName)
        let outcome = try await rollback.restore(plan, at: file, writer: TenantChangeWriter(), now: Self.later)
        #expect(try await bytes(place, Self.key) == Array(Self.original.utf8))
        // The new backup takes the store's name; both are listed, newest first.
        let newName = "MYR384719-\(Self.later).json"
        #expect(outcome.backupKey == newName)
        #expect(try await file.backups().map(\.key) == [newName, oldName])
        #expect(
            try await byHash.backups().map(\.key) == ["tenants/MYR384719/" + newName, "tenants/MYR384719/" + oldName]
        )
    }

    @Test func aLegacyFilesBackupNamedAfterItIsListedAndRestoredByHash() async throws {
        let (folder, place, migrator) = try await migratedOnce()
        defer { folder.remove() }
        // Only the legacy document is left, broken, with a backup named after it.
        try FileManager.default.removeItem(atPath: folder.path + "/" + Self.key)
        try rename(backupIn: folder, to: "config-\(Self.first).json")
        try folder.write("tenants/MYR384719/config.json", "garbage")
        let file = TenantDocumentPlace.file(folder.path + "/tenants/MYR384719/config.json")
        #expect(try await file.history().map(\.key) == ["config.json", "config-\(Self.first).json"])

        let hash = try TenantHash("my87674d777bf9")
        let byHash = try await TenantDocumentPlace.locate(hash, in: place.store, acceptingUnreadable: true)
        #expect(byHash.key == "tenants/MYR384719/config.json")
        #expect(try await byHash.backups().map(\.key) == ["tenants/MYR384719/config-\(Self.first).json"])
        let rollback = TenantRollback(validator: migrator.validator)
        let plan = try await rollback.plan(byHash, to: nil)
        _ = try await rollback.restore(plan, at: byHash, writer: TenantChangeWriter(), now: Self.later)
        #expect(try await bytes(place, "tenants/MYR384719/config.json") == Array(Self.original.utf8))
    }

    @Test func equallyNewBackupsListTheStoresNameFirst() async throws {
        let store = ScriptedTenantStore([
            "tenants/T1/T1-config-\(Self.first).json": "{}", "tenants/T1/T1-\(Self.first).json": "{}",
            "tenants/T1/T1-config-\(Self.later).json": "{}",
        ])
        let backups = try await TenantDocumentPlace.tenant("T1", in: store).backups()
        #expect(
            backups.map(\.key) == [
                "tenants/T1/T1-config-\(Self.later).json", "tenants/T1/T1-\(Self.first).json",
                "tenants/T1/T1-config-\(Self.first).json",
            ]
        )
    }
}
