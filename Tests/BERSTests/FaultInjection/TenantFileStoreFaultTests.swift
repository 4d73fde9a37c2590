import BERS
import BERSTestSupport
import BERSTesting
import Foundation
import Testing

/// A tenant store on a disk that fails: every store operation fails with its typed error and
/// leaves the store as it was (or, for a multi-step operation, in a documented state that
/// running it again completes).
@Suite struct TenantFileStoreFaultTests {
    static let id = "MYR384719"
    static let hash = "my87674d777bf9"
    static let key = "tenants/MYR384719/MYR384719-config.json"
    static let mappingKey = "mappings/my87674d777bf9.json"
    static let original =
        #"{"tenant_id": "MYR384719", "tenant_hash": "my87674d777bf9", "version": "1.0", "chat_title": "Old"}"#
    static let edited =
        #"{"tenant_id": "MYR384719", "tenant_hash": "my87674d777bf9", "version": "1.0", "chat_title": "New"}"#
    static let now = UTCTimestamp(secondsSince1970: 1_796_378_400)
    static let backupKey = "tenants/MYR384719/MYR384719-20261204T100000Z.json"

    /// A store on disk holding the original document (and its mapping when `mapped`), seen
    /// through a fault-injecting file system.
    private func makeStore(mapped: Bool = true) throws -> (
        TemporaryDirectory, FileSystemTenantStore, FaultInjectingFileSystem
    ) {
        let folder = try TemporaryDirectory(prefix: "bers-store-faults")
        try folder.write(Self.key, Self.original)
        if mapped { try folder.write(Self.mappingKey, #"{"tenant_id": "MYR384719"}"#) }
        let files = FaultInjectingFileSystem(wrapping: LocalFileSystem())
        return (folder, FileSystemTenantStore(root: folder.path, fileSystem: files), files)
    }

    @discardableResult
    private func expectTenantError(
        _ code: TenantError.Code,
        sourceLocation: SourceLocation = #_sourceLocation,
        _ body: () async throws -> Void
    ) async -> TenantError? {
        let error = await #expect(throws: TenantError.self, sourceLocation: sourceLocation) { try await body() }
        #expect(error?.code == code, "\(error?.message ?? "")", sourceLocation: sourceLocation)
        return error
    }

    // MARK: store operations

    /// Each fault, the code it gives, and a text of the message.
    ///
    /// A directory where the
    /// document was read is a conflict: the version read is no longer there.
    static let putFaults: [(FileSystemFaultRule, TenantError.Code, String)] = [
        (
            FileSystemFaultRule(.write, path: .suffix("-config.json"), fault: .diskFull), .writeFailed,
            "No space left on device"
        ),
        (
            FileSystemFaultRule(.write, path: .suffix("-config.json"), fault: .isADirectory), .conflict,
            "was removed since it was read"
        ),
        (FileSystemFaultRule(.lock, fault: .ioError), .writeFailed, "cannot lock"),
        (
            FileSystemFaultRule(.read, path: .suffix("-config.json"), fault: .ioError), .writeFailed,
            "Input/output error"
        ),
    ]

    @Test(arguments: 0..<putFaults.count)
    func aFailedPutIsATypedErrorAndChangesNothing(fault: Int) async throws {
        let (folder, store, files) = try makeStore()
        defer { folder.remove() }
        guard case .found(let current) = try await store.get(Self.key) else {
            Issue.record("the original document must be there")
            return
        }
        files.add(Self.putFaults[fault].0)
        let before = DiskSnapshot(folder.path)
        let (_, code, text) = Self.putFaults[fault]
        let error = await expectTenantError(code) {
            _ = try await store.put(
                Self.key,
                Array(Self.edited.utf8),
                contentType: "application/json",
                condition: .over(current)
            )
        }
        #expect(error?.message.contains(text) == true, "\(error?.message ?? "")")
        #expect(DiskSnapshot(folder.path) == before)
    }

    @Test func aFolderThatCannotBeCreatedIsAWriteFailure() async throws {
        let (folder, store, files) = try makeStore()
        defer { folder.remove() }
        files.add(FileSystemFaultRule(.createDirectory, fault: .permissionDenied))
        let before = DiskSnapshot(folder.path)
        let error = await expectTenantError(.writeFailed) {
            _ = try await store.put("tenants/NEW000001/NEW000001-config.json", [1], contentType: "application/json")
        }
        #expect(error?.message.contains("Permission denied") == true)
        #expect(DiskSnapshot(folder.path) == before)
        #expect(files.itemKind(atPath: folder.path + "/tenants/NEW000001") == .missing)
    }

    @Test func failedReadsAndListingsAreUnavailable() async throws {
        let (folder, store, files) = try makeStore()
        defer { folder.remove() }
        files.add(FileSystemFaultRule(.read, path: .suffix("-config.json"), fault: .ioError))
        files.add(FileSystemFaultRule(.list, path: .suffix("/mappings"), fault: .permissionDenied))
        let read = await expectTenantError(.storeUnavailable) { _ = try await store.get(Self.key) }
        #expect(read?.message.contains("Input/output error") == true)
        let list = await expectTenantError(.storeUnavailable) { _ = try await store.list(prefix: "mappings/") }
        #expect(list?.message.contains("Permission denied") == true)
    }

    @Test func aDirectoryWhereTheDocumentShouldBeIsNotFound() async throws {
        let (folder, store, files) = try makeStore()
        defer { folder.remove() }
        files.add(FileSystemFaultRule([.read, .write], path: .suffix("-config.json"), fault: .isADirectory))
        #expect(try await store.get(Self.key) == .notFound)
    }

    // MARK: publishing

    private func publisher(_ store: FileSystemTenantStore) -> TenantPublisher {
        TenantPublisher(store: store, validator: TenantValidator(schema: nil))
    }

    @Test func aFailedBackupWritesNothing() async throws {
        let (folder, store, files) = try makeStore(mapped: false)
        defer { folder.remove() }
        files.add(FileSystemFaultRule(.write, path: .suffix("T100000Z.json"), fault: .diskFull))
        let before = DiskSnapshot(folder.path)
        await expectTenantError(.writeFailed) {
            _ = try await publisher(store).publish(Array(Self.edited.utf8), file: "edited.json", now: Self.now)
        }
        #expect(DiskSnapshot(folder.path) == before)
    }

    @Test func aFailedDocumentWriteLeavesTheDocumentAndAFullBackup() async throws {
        let (folder, store, files) = try makeStore(mapped: false)
        defer { folder.remove() }
        files.add(FileSystemFaultRule(.write, path: .suffix("-config.json"), fault: .diskFull))
        await expectTenantError(.writeFailed) {
            _ = try await publisher(store).publish(Array(Self.edited.utf8), file: "edited.json", now: Self.now)
        }
        let after = DiskSnapshot(folder.path)
        #expect(after.files.keys.sorted() == [Self.backupKey, Self.key])
        #expect(after.text(Self.key) == Self.original)
        #expect(after.text(Self.backupKey) == Self.original)
    }

    @Test func aFailedMappingWriteIsCompletedByPublishingAgain() async throws {
        let (folder, store, files) = try makeStore(mapped: false)
        defer { folder.remove() }
        files.add(FileSystemFaultRule(.write, path: .containing("/mappings/"), when: .onCall(1), fault: .ioError))
        await expectTenantError(.writeFailed) {
            _ = try await publisher(store).publish(Array(Self.edited.utf8), file: "edited.json", now: Self.now)
        }
        let interrupted = DiskSnapshot(folder.path)
        #expect(interrupted.text(Self.key) == Self.edited)
        #expect(interrupted.text(Self.mappingKey) == nil)
        #expect(interrupted.leftovers.isEmpty)
        let outcome = try await publisher(store).publish(Array(Self.edited.utf8), file: "edited.json", now: Self.now)
        #expect(outcome.wroteMapping)
        #expect(outcome.backupKey == nil)
        #expect(DiskSnapshot(folder.path).text(Self.mappingKey) == #"{"tenant_id":"MYR384719"}"#)
    }

    // MARK: migration and rollback

    @Test(arguments: ["T100000Z.json", "-config.json"])
    func aFailedMigrationWriteLeavesTheDocument(failing suffix: String) async throws {
        let (folder, store, files) = try makeStore()
        defer { folder.remove() }
        files.add(FileSystemFaultRule(.write, path: .suffix(suffix), fault: .diskFull))
        let migrator = try MigrationFixture.migrator(#"{"op": "add", "path": "/card_inventory", "value": {}}"#)
        let place = TenantDocumentPlace.tenant(Self.id, in: store)
        await expectTenantError(.writeFailed) {
            _ = try await migrator.migrate(place, to: "1.1", write: true, now: Self.now)
        }
        let after = DiskSnapshot(folder.path)
        #expect(after.text(Self.key) == Self.original)
        #expect(after.leftovers.isEmpty)
        // A backup is there only when its write succeeded, and then it is complete.
        #expect(after.text(Self.backupKey) == (suffix == "-config.json" ? Self.original : nil))
    }

    @Test func aFailedRollbackWriteLeavesTheDocument() async throws {
        let (folder, store, files) = try makeStore()
        defer { folder.remove() }
        let migrator = try MigrationFixture.migrator(#"{"op": "add", "path": "/card_inventory", "value": {}}"#)
        let place = TenantDocumentPlace.tenant(Self.id, in: store)
        _ = try await migrator.migrate(place, to: "1.1", write: true, now: Self.now)
        let rollback = TenantRollback(validator: TenantValidator(schema: nil))
        let plan = try await rollback.plan(place, to: nil)
        files.add(FileSystemFaultRule(.write, path: .suffix("-config.json"), fault: .ioError))
        let before = DiskSnapshot(folder.path).text(Self.key)
        await expectTenantError(.writeFailed) {
            _ = try await rollback.restore(
                plan,
                at: place,
                writer: TenantChangeWriter(),
                now: UTCTimestamp(secondsSince1970: 1_796_378_460)
            )
        }
        let after = DiskSnapshot(folder.path)
        #expect(after.text(Self.key) == before)
        #expect(after.leftovers.isEmpty)
    }

    // MARK: the tenant cache

    @Test(arguments: [FaultPath.suffix("-config.json"), .containing("/mappings/")])
    func theCacheServesTheLastGoodDocumentWhenReadsFail(failing path: FaultPath) async throws {
        let (folder, store, files) = try makeStore()
        defer { folder.remove() }
        let cache = TenantCache(repository: TenantRepository(store: store))
        let hash = try TenantHash(Self.hash)
        _ = try await cache.get(hash)
        files.add(FileSystemFaultRule(.read, path: path, fault: .ioError))
        cache.expire(changedKeys: nil)
        let entry = try await cache.get(hash)
        guard case .stale(let error) = entry.freshness else {
            Issue.record("expected a stale document, got \(entry.freshness)")
            return
        }
        #expect(error.code == .storeUnavailable)
        #expect(entry.document.value["chat_title"] == "Old")
        #expect(cache.statistics.staleServed == 1)

        // Nothing stale to fall back on: the typed error.
        let empty = TenantCache(repository: TenantRepository(store: store))
        await expectTenantError(.storeUnavailable) { _ = try await empty.get(hash) }

        // The disk is back: the next request after the retry reads the store again.
        files.removeAllRules()
        cache.expireStale()
        guard case .revalidated = try await cache.get(hash).freshness else {
            Issue.record("the store is back: the document must be revalidated")
            return
        }
    }
}
