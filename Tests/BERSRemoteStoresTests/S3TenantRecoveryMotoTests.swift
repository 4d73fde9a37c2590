import BERS
import BERSJSON
import BERSTestSupport
import Foundation
import Testing

@testable import BERSRemoteStores

/// Recovering a tenant whose configuration was deleted or corrupted in S3 (moto on loopback):
/// the place is found through the mapping alone, and rollback restores the newest backup.
@Suite(
    .enabled(if: MotoServer.isAvailable, MotoServer.skipReason),
    .enabled(if: SharedFixtures.isAvailable, SharedFixtures.skipReason),
    .timeLimit(.minutes(2))
)
struct S3TenantRecoveryMotoTests {
    static let config = SharedFixtures.packageRoot.appendingPathComponent("Examples/picasso/config").path
    static let documentKey = "tenants/MYR384719/MYR384719-config.json"
    static let migrated = UTCTimestamp(secondsSince1970: 1_796_378_400)  // 2026-12-04T10:00:00Z
    static let restored = UTCTimestamp(secondsSince1970: 1_796_378_700)  // 2026-12-04T10:05:00Z
    static let firstBackup = "tenants/MYR384719/MYR384719-20261204T100000Z.json"
    static let secondBackup = "tenants/MYR384719/MYR384719-20261204T100500Z.json"

    /// Migrates MYR384719 to 1.3 in `store` (its backup is the fixture); returns the migrator.
    private func migrate(_ store: any TenantStore) async throws -> TenantMigrator {
        let migrator = try ConfigProject(directory: Self.config).tenantMigrator()
        let place = try await TenantDocumentPlace.locate(try TenantHash("my87674d777bf9"), in: store)
        let (_, written) = try await migrator.migrate(place, to: "1.3", write: true, now: Self.migrated)
        #expect(written?.backupKey == Self.firstBackup)
        return migrator
    }

    private func recoveringPlace(_ store: any TenantStore) async throws -> TenantDocumentPlace {
        try await TenantDocumentPlace.locate(try TenantHash("my87674d777bf9"), in: store, acceptingUnreadable: true)
    }

    private func bytes(_ key: String, in store: any TenantStore) async throws -> [UInt8]? {
        if case .found(let object) = try await store.get(key) { return object.bytes }
        return nil
    }

    @Test func aDeletedConfigurationIsRestored() async throws {
        try await S3TestSupport.withPicassoBucket { store, _ in
            let migrator = try await migrate(store)
            _ = try await store.send(
                method: .DELETE,
                fullKey: Self.documentKey,
                headers: [],
                maxBodySize: 1 << 16,
                context: "delete"
            )
            let place = try await recoveringPlace(store)
            #expect(place.key == Self.documentKey)
            #expect(try await place.history().map(\.key) == [Self.firstBackup])
            let rollback = TenantRollback(validator: migrator.validator)
            let plan = try await rollback.plan(place, to: nil)
            #expect(plan.current == nil && plan.introduced.isEmpty)
            let outcome = try await rollback.restore(plan, at: place, writer: TenantChangeWriter(), now: Self.restored)
            #expect(outcome.backupKey == nil)
            let fixture = try #require(SharedFixtures.bytes("fixtures/picasso/tenants/MYR384719-config.json"))
            #expect(try await bytes(Self.documentKey, in: store) == fixture)
        }
    }

    @Test func aCorruptConfigurationIsKeptAsABackupThenReplaced() async throws {
        try await S3TestSupport.withPicassoBucket { store, _ in
            let migrator = try await migrate(store)
            _ = try await store.put(Self.documentKey, Array("garbage".utf8), contentType: "application/json")
            let place = try await recoveringPlace(store)
            let rollback = TenantRollback(validator: migrator.validator)
            let plan = try await rollback.plan(place, to: nil)
            #expect(plan.unreadableCurrent?.code == .malformedDocument)
            let outcome = try await rollback.restore(plan, at: place, writer: TenantChangeWriter(), now: Self.restored)
            #expect(outcome.backupKey == Self.secondBackup)
            #expect(try await bytes(Self.secondBackup, in: store) == Array("garbage".utf8))
            let fixture = try #require(SharedFixtures.bytes("fixtures/picasso/tenants/MYR384719-config.json"))
            #expect(try await bytes(Self.documentKey, in: store) == fixture)
        }
    }
}
