import BERS
import BERSJSON
import BERSTestSupport
import Foundation
import Testing

/// A tenant migrated twice in a file store: its history, and rollbacks that back up what they
/// replace.
@Suite struct TenantHistoryAndRollbackTests {
    static let key = "tenants/MYR384719/MYR384719-config.json"
    static let original = """
        {"tenant_id": "MYR384719", "tenant_hash": "my87674d777bf9", "subscription_tier": "Standard",
         "chat_title": "Atlanta Angels", "tone_prompt": "Be kind.", "welcome_message": "Hello!",
         "version": "1.0", "generated_at": 1750067246}
        """
    /// 2026-12-04T10:00:00Z: the migration to 1.1.
    static let first = UTCTimestamp(secondsSince1970: 1_796_378_400)
    /// 2026-12-05T09:30:00Z: the migration to 1.3.
    static let second = UTCTimestamp(secondsSince1970: 1_796_463_000)
    /// 2026-12-06T12:00:00Z: the rollback.
    static let third = UTCTimestamp(secondsSince1970: 1_796_558_400)

    static func backupKey(_ time: UTCTimestamp) -> String { "tenants/MYR384719/MYR384719-\(time).json" }

    /// A store whose tenant was migrated to 1.1 at `first` and to 1.3 at `second`.
    private func migratedTwice() async throws -> (TemporaryDirectory, TenantDocumentPlace, TenantMigrator) {
        let folder = try TemporaryDirectory(prefix: "bers-rollback")
        try folder.write(Self.key, Self.original)
        let place = TenantDocumentPlace.tenant("MYR384719", in: FileSystemTenantStore(root: folder.path))
        let migrator = try MigrationFixture.picassoMigrator()
        let (toOneOne, writtenFirst) = try await migrator.migrate(place, to: "1.1", write: true, now: Self.first)
        #expect(!toOneOne.isBlocked, "\(toOneOne.introduced)")
        #expect(writtenFirst?.backupKey == Self.backupKey(Self.first))
        let (_, writtenSecond) = try await migrator.migrate(place, to: "1.3", write: true, now: Self.second)
        #expect(writtenSecond?.backupKey == Self.backupKey(Self.second))
        return (folder, place, migrator)
    }

    private func bytes(_ place: TenantDocumentPlace, _ key: String) async throws -> [UInt8]? {
        guard case .found(let object) = try await place.store.get(key) else { return nil }
        return object.bytes
    }

    @Test func historyListsTheCurrentDocumentThenBackupsNewestFirst() async throws {
        let (folder, place, _) = try await migratedTwice()
        defer { folder.remove() }
        let history = try await place.history()
        #expect(history.map(\.key) == [Self.key, Self.backupKey(Self.second), Self.backupKey(Self.first)])
        #expect(history.map(\.version) == ["1.3", "1.1", "1.0"])
        #expect(history.map(\.isCurrent) == [true, false, false])
        #expect(history.map { $0.backup?.timestamp } == [nil, Self.second, Self.first])
        #expect(history.last?.size == Self.original.utf8.count)
        #expect(history.last?.sha256 == BERSDigest.sha256Hex(Array(Self.original.utf8)))
        let current = try #require(try await bytes(place, Self.key))
        #expect(try JSONParser().parse(current).value["generated_at"] == .integer(Self.second.secondsSince1970))
    }

    @Test func rollbackRestoresTheNewestBackupAndBacksUpWhatItReplaces() async throws {
        let (folder, place, migrator) = try await migratedTwice()
        defer { folder.remove() }
        let replaced = try #require(try await bytes(place, Self.key))
        let oneOne = try #require(try await bytes(place, Self.backupKey(Self.second)))
        let rollback = TenantRollback(validator: migrator.validator)
        let plan = try await rollback.plan(place, to: nil)
        #expect(plan.backup.key == Self.backupKey(Self.second))
        #expect(plan.bytes == oneOne)
        #expect(plan.current?.bytes == replaced)
        #expect(plan.introduced.isEmpty, "\(plan.introduced)")

        let outcome = try await rollback.restore(plan, at: place, writer: TenantChangeWriter(), now: Self.third)
        #expect(outcome.key == Self.key)
        #expect(outcome.backupKey == Self.backupKey(Self.third))
        #expect(try await bytes(place, Self.key) == oneOne)
        #expect(try await bytes(place, Self.backupKey(Self.third)) == replaced)
        #expect(try await place.history().map(\.version) == ["1.1", "1.3", "1.1", "1.0"])
    }

    @Test func rollbackToATimeTakesTheBackupTakenThenOrBefore() async throws {
        let (folder, place, migrator) = try await migratedTwice()
        defer { folder.remove() }
        let rollback = TenantRollback(validator: migrator.validator)
        let between = UTCTimestamp(secondsSince1970: Self.second.secondsSince1970 - 1)
        #expect(try await rollback.plan(place, to: between).backup.key == Self.backupKey(Self.first))
        #expect(try await rollback.plan(place, to: Self.second).backup.key == Self.backupKey(Self.second))
        let plan = try await rollback.plan(place, to: Self.first)
        _ = try await rollback.restore(plan, at: place, writer: TenantChangeWriter(), now: Self.third)
        #expect(try await bytes(place, Self.key) == Array(Self.original.utf8))
    }

    @Test func rollbackToATimeBeforeEveryBackupIsAnError() async throws {
        let (folder, place, migrator) = try await migratedTwice()
        defer { folder.remove() }
        let before = UTCTimestamp(secondsSince1970: Self.first.secondsSince1970 - 60)
        let error = try await #require(throws: TenantError.self) {
            try await TenantRollback(validator: migrator.validator).plan(place, to: before)
        }
        #expect(error.code == .migrationFailed)
        #expect(error.message.contains("no backup taken at or before 2026-12-04T09:59:00Z"))
        #expect(error.message.contains("the oldest is from 2026-12-04T10:00:00Z"))
    }

    @Test func rollbackWithoutBackupsIsAnError() async throws {
        let folder = try TemporaryDirectory(prefix: "bers-rollback")
        defer { folder.remove() }
        try folder.write(Self.key, Self.original)
        let place = TenantDocumentPlace.tenant("MYR384719", in: FileSystemTenantStore(root: folder.path))
        let error = try await #require(throws: TenantError.self) {
            try await TenantRollback(validator: try MigrationFixture.picassoMigrator().validator).plan(place, to: nil)
        }
        #expect(error.code == .migrationFailed)
        #expect(error.message.contains("has no backups to restore"))
        #expect(try await place.history().map(\.key) == [Self.key])
    }

    @Test func aRollbackRacingAnEditIsAConflict() async throws {
        let (folder, place, migrator) = try await migratedTwice()
        defer { folder.remove() }
        let rollback = TenantRollback(validator: migrator.validator)
        let plan = try await rollback.plan(place, to: nil)
        let edited = Self.original.replacingOccurrences(of: "Hello!", with: "Edited meanwhile")
        try folder.write(Self.key, edited)
        let error = try await #require(throws: TenantError.self) {
            try await rollback.restore(plan, at: place, writer: TenantChangeWriter(), now: Self.third)
        }
        #expect(error.code == .conflict)
        #expect(try await bytes(place, Self.key) == Array(edited.utf8))
    }

    @Test func aBackupOfAnotherTenantIsNotRestored() async throws {
        let (folder, place, migrator) = try await migratedTwice()
        defer { folder.remove() }
        let other = Self.original.replacingOccurrences(of: "\"MYR384719\"", with: "\"AUS123957\"")
        try folder.write(Self.backupKey(Self.third), other)
        let error = try await #require(throws: TenantError.self) {
            try await TenantRollback(validator: migrator.validator).plan(place, to: nil)
        }
        #expect(error.code == .invalidDocument)
        #expect(error.message.contains("tenant_id AUS123957"))
    }
}
