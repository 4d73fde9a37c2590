import BERS
import BERSTestSupport
import Foundation
import Testing

/// A backup keeps the permission bits of the document it copies, from the moment it exists: a
/// `0600` tenant file never gets a `0644` backup.
@Suite struct TenantBackupPermissionsTests {
    static let key = "tenants/MYR384719/MYR384719-config.json"
    static let now = UTCTimestamp(secondsSince1970: 1_796_378_400)

    private func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    private func setMode(_ mode: Int, _ path: String) throws {
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }

    @Test(arguments: [0o600, 0o640, 0o644])
    func aStoreBackupHasTheDocumentsMode(mode: Int) async throws {
        let folder = try TemporaryDirectory(prefix: "bers-backup-mode")
        defer { folder.remove() }
        try folder.write(Self.key, #"{"tenant_id": "MYR384719", "version": "1.0"}"#)
        try setMode(mode, folder.path + "/" + Self.key)
        let place = TenantDocumentPlace.tenant("MYR384719", in: FileSystemTenantStore(root: folder.path))
        let (current, _) = try await place.read()
        let outcome = try await TenantChangeWriter()
            .replace(place, with: Array("{}".utf8), over: current, now: Self.now)
        let backup = try #require(outcome.backupKey)
        #expect(try self.mode(folder.path + "/" + backup) == mode)
        #expect(try self.mode(folder.path + "/" + Self.key) == mode)
    }

    @Test func aFilesBackupBesideItHasItsMode() async throws {
        let folder = try TemporaryDirectory(prefix: "bers-backup-mode")
        defer { folder.remove() }
        let path = try folder.write("tenant.json", #"{"version": "1.0"}"#).path
        try setMode(0o600, path)
        let place = TenantDocumentPlace.file(path)
        let (current, _) = try await place.read()
        let outcome = try await TenantChangeWriter()
            .replace(place, with: Array("{}".utf8), over: current, now: Self.now)
        #expect(outcome.backupKey == "tenant-20261204T100000Z.json")
        #expect(try mode(folder.path + "/tenant-20261204T100000Z.json") == 0o600)
        // No temporary file is left beside it.
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
                "tenant-20261204T100000Z.json", "tenant.json",
            ]
        )
    }

    @Test func aStoreWithoutModesStillWritesTheBackupOnlyWhereNothingIs() async throws {
        let store = ScriptedTenantStore([Self.key: "{}", "tenants/MYR384719/MYR384719-20261204T100000Z.json": "{}"])
        let error = try await #require(throws: TenantError.self) {
            try await store.putCopy("tenants/MYR384719/MYR384719-20261204T100000Z.json", Array("[]".utf8), of: Self.key)
        }
        #expect(error.code == .conflict)
    }
}
