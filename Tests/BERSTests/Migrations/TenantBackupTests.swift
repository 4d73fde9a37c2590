import BERS
import Testing

/// Backup keys: `<stem>-<YYYYMMDDTHHMMSSZ>[-N].json`, read back, and ordered newest first.
@Suite struct TenantBackupTests {
    static let stem = "tenants/MYR384719/MYR384719"
    static let time = UTCTimestamp(secondsSince1970: 1_796_378_400)

    @Test func keysNameTheStemAndTheTime() {
        #expect(
            TenantBackup(stem: Self.stem, timestamp: Self.time).key
                == "tenants/MYR384719/MYR384719-20261204T100000Z.json"
        )
        #expect(
            TenantBackup(stem: Self.stem, timestamp: Self.time, attempt: 2).key
                == "tenants/MYR384719/MYR384719-20261204T100000Z-2.json"
        )
        #expect(
            TenantBackup(stem: "my-tenant", timestamp: Self.time, attempt: 3).key == "my-tenant-20261204T100000Z-3.json"
        )
    }

    @Test(arguments: [1, 2, 3, 17])
    func keysReadBack(attempt: Int) throws {
        let backup = TenantBackup(stem: Self.stem, timestamp: Self.time, attempt: attempt)
        let read = try #require(TenantBackup(key: backup.key, stem: Self.stem))
        #expect(read == backup)
        #expect(read.timestamp == Self.time)
        #expect(read.attempt == attempt)
    }

    @Test func aStemWithDashesReadsBack() throws {
        let read = try #require(TenantBackup(key: "my-tenant-20261204T100000Z-2.json", stem: "my-tenant"))
        #expect(read.timestamp == Self.time)
        #expect(read.attempt == 2)
    }

    @Test(
        arguments: [
            "tenants/MYR384719/MYR384719-config.json", "tenants/MYR384719/MYR384719-draft.json",
            "tenants/MYR384719/MYR384719-20261204T100000Z.yaml",
            "tenants/MYR384719/MYR384719-2026-12-04T10:00:00Z.json",
            "tenants/MYR384719/MYR384719-20261204T100000Z-1.json",
            "tenants/MYR384719/MYR384719-20261204T100000Z-0.json",
            "tenants/MYR384719/MYR384719-20261204T100000Z-x.json",
            "tenants/MYR384719/MYR384719-20261204T100000Z-2-2.json",
            "tenants/MYR384719/MYR384719-20261304T100000Z.json", "tenants/OTHER/OTHER-20261204T100000Z.json",
            "tenants/MYR384719/MYR384719-extra-20261204T100000Z.json",
            "tenants/MYR384719/MYR38471920261204T100000Z.json",
        ]
    )
    func otherKeysAreNotBackups(key: String) {
        #expect(TenantBackup(key: key, stem: Self.stem) == nil)
    }

    @Test func placesListBackupsNewestFirst() async throws {
        let keys = [
            TenantBackup(stem: Self.stem, timestamp: Self.time, attempt: 2).key,
            TenantBackup(stem: Self.stem, timestamp: UTCTimestamp(secondsSince1970: 1_796_463_000)).key,
            TenantBackup(stem: Self.stem, timestamp: Self.time).key,
            TenantBackup(stem: Self.stem, timestamp: UTCTimestamp(secondsSince1970: 946_684_800)).key,
            TenantBackup(stem: Self.stem, timestamp: Self.time, attempt: 10).key,
        ]
        var objects = ["tenants/MYR384719/MYR384719-config.json": "{}", "tenants/MYR384719/MYR384719-draft.json": "{}"]
        for key in keys { objects[key] = "{}" }
        let place = TenantDocumentPlace.tenant("MYR384719", in: ScriptedTenantStore(objects))
        #expect(
            try await place.backups().map(\.key) == [
                "tenants/MYR384719/MYR384719-20261205T093000Z.json",
                "tenants/MYR384719/MYR384719-20261204T100000Z-10.json",
                "tenants/MYR384719/MYR384719-20261204T100000Z-2.json",
                "tenants/MYR384719/MYR384719-20261204T100000Z.json",
                "tenants/MYR384719/MYR384719-20000101T000000Z.json",
            ]
        )
    }

    @Test func aFilesBackupsGoBesideIt() {
        let place = TenantDocumentPlace.file("config/tenant.json")
        #expect(place.key == "tenant.json")
        #expect(place.backupStem == "tenant")
        #expect(place.description == "config/tenant.json")
        #expect(TenantBackup(stem: place.backupStem, timestamp: Self.time).key == "tenant-20261204T100000Z.json")
    }
}
