import BERS
import BERSJSON
import BERSTestSupport
import Foundation
import Synchronization
import Testing

/// Replacing a tenant document in a file store: backup first, then a write conditional on the
/// version read; a concurrent edit is never lost.
@Suite struct TenantChangeWriterTests {
    static let key = "tenants/MYR384719/MYR384719-config.json"
    static let original = #"{"tenant_id": "MYR384719", "version": "1.0"}"#
    static let concurrent = #"{"tenant_id": "MYR384719", "version": "1.0", "chat_title": "edited meanwhile"}"#
    static let now = UTCTimestamp(secondsSince1970: 1_796_378_400)

    /// A temporary file store holding the original document.
    private func makeStore() throws -> (TemporaryDirectory, TenantDocumentPlace) {
        let folder = try TemporaryDirectory(prefix: "bers-writer")
        try folder.write(Self.key, Self.original)
        return (folder, TenantDocumentPlace.tenant("MYR384719", in: FileSystemTenantStore(root: folder.path)))
    }

    private func text(_ folder: TemporaryDirectory, _ key: String) -> String? {
        (try? Data(contentsOf: folder.url.appendingPathComponent(key))).map { String(decoding: $0, as: UTF8.self) }
    }

    private func files(_ folder: TemporaryDirectory) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path + "/tenants/MYR384719").sorted()
    }

    @Test func theCurrentVersionIsBackedUpThenReplaced() async throws {
        let (folder, place) = try makeStore()
        defer { folder.remove() }
        let (current, _) = try await place.read()
        let outcome = try await TenantChangeWriter()
            .replace(place, with: Array("{}".utf8), over: current, now: Self.now)
        #expect(outcome.key == Self.key)
        #expect(outcome.backupKey == "tenants/MYR384719/MYR384719-20261204T100000Z.json")
        #expect(outcome.etag == "\"\(BERSDigest.sha256Hex(Array("{}".utf8)))\"")
        #expect(text(folder, Self.key) == "{}")
        #expect(text(folder, "tenants/MYR384719/MYR384719-20261204T100000Z.json") == Self.original)
    }

    @Test func theBackupIsCompleteBeforeTheDocumentIsWritten() async throws {
        let (folder, place) = try makeStore()
        defer { folder.remove() }
        let seen = Observations()
        let backup = folder.url.appendingPathComponent("tenants/MYR384719/MYR384719-20261204T100000Z.json")
        let document = folder.url.appendingPathComponent(Self.key)
        let writer = TenantChangeWriter {
            let backupText = (try? Data(contentsOf: backup)).map { String(decoding: $0, as: UTF8.self) }
            let documentText = (try? Data(contentsOf: document)).map { String(decoding: $0, as: UTF8.self) }
            seen.record([backupText, documentText])
        }
        let (current, _) = try await place.read()
        _ = try await writer.replace(place, with: Array("{}".utf8), over: current, now: Self.now)
        // First pause: the backup holds the old version and the document is untouched; second: replaced.
        #expect(seen.values == [Self.original, Self.original, Self.original, "{}"])
    }

    @Test func aChangeBetweenReadAndWriteIsAConflictAndTheEditSurvives() async throws {
        let (folder, place) = try makeStore()
        defer { folder.remove() }
        let (current, _) = try await place.read()
        try folder.write(Self.key, Self.concurrent)
        let error = try await #require(throws: TenantError.self) {
            try await TenantChangeWriter().replace(place, with: Array("{}".utf8), over: current, now: Self.now)
        }
        #expect(error.code == .conflict)
        #expect(error.code.rawValue == "tenant.conflict")
        #expect(error.message.contains("changed since it was read"))
        #expect(text(folder, Self.key) == Self.concurrent)
    }

    @Test func aMigrationRacingAnEditIsAConflictAndTheEditSurvives() async throws {
        let (folder, place) = try makeStore()
        defer { folder.remove() }
        let document = folder.url.appendingPathComponent(Self.key)
        // Another writer edits the document right after the backup is taken.
        let writer = TenantChangeWriter { _ = try? Data(Self.concurrent.utf8).write(to: document) }
        let error = try await #require(throws: TenantError.self) {
            try await MigrationFixture.picassoMigrator()
                .migrate(place, to: "1.1", write: true, writer: writer, now: Self.now)
        }
        #expect(error.code == .conflict)
        #expect(text(folder, Self.key) == Self.concurrent)
    }

    @Test func theSameBytesAreNotWritten() async throws {
        let (folder, place) = try makeStore()
        defer { folder.remove() }
        let (current, _) = try await place.read()
        let outcome = try await TenantChangeWriter().replace(place, with: current.bytes, over: current, now: Self.now)
        #expect(outcome.key == nil)
        #expect(outcome.backupKey == nil)
        #expect(outcome.etag == current.etag)
        #expect(try files(folder) == ["MYR384719-config.json"])
    }

    @Test func anUnchangedMigrationWritesNothing() async throws {
        let (folder, place) = try makeStore()
        defer { folder.remove() }
        try folder.write(Self.key, #"{"tenant_id": "MYR384719", "version": "1.3"}"#)
        let (result, written) = try await MigrationFixture.picassoMigrator()
            .migrate(place, to: "1.3", write: true, now: Self.now)
        #expect(result.isUnchanged)
        #expect(written == nil)
        #expect(try files(folder) == ["MYR384719-config.json"])
    }

    @Test func aDryRunWritesNothing() async throws {
        let (folder, place) = try makeStore()
        defer { folder.remove() }
        let (result, written) = try await MigrationFixture.picassoMigrator()
            .migrate(place, to: "1.1", write: false, now: Self.now)
        #expect(result.migrated["version"] == "1.1")
        #expect(written == nil)
        #expect(text(folder, Self.key) == Self.original)
        #expect(try files(folder) == ["MYR384719-config.json"])
    }

    @Test func aSecondBackupInTheSameSecondGetsASuffix() async throws {
        let (folder, place) = try makeStore()
        defer { folder.remove() }
        let writer = TenantChangeWriter()
        let original = try await place.read().object
        let first = try await writer.replace(place, with: Array("{}".utf8), over: original, now: Self.now)
        let replaced = try await place.read().object
        let second = try await writer.replace(place, with: Array("[]".utf8), over: replaced, now: Self.now)
        #expect(first.backupKey == "tenants/MYR384719/MYR384719-20261204T100000Z.json")
        #expect(second.backupKey == "tenants/MYR384719/MYR384719-20261204T100000Z-2.json")
        #expect(text(folder, "tenants/MYR384719/MYR384719-20261204T100000Z-2.json") == "{}")
        #expect(try await place.backups().map(\.attempt) == [2, 1])
    }

    @Test func aNewDocumentIsNotWrittenOverOneCreatedMeanwhile() async throws {
        let folder = try TemporaryDirectory(prefix: "bers-writer")
        defer { folder.remove() }
        let place = TenantDocumentPlace.tenant("MYR384719", in: FileSystemTenantStore(root: folder.path))
        try folder.write(Self.key, Self.concurrent)
        let error = try await #require(throws: TenantError.self) {
            try await TenantChangeWriter().replace(place, with: Array("{}".utf8), over: nil, now: Self.now)
        }
        #expect(error.code == .conflict)
        #expect(text(folder, Self.key) == Self.concurrent)
        #expect(try files(folder) == ["MYR384719-config.json"])
    }
}

/// What a writer's pause hook saw, in order.
private final class Observations: Sendable {
    private let seen = Mutex<[String?]>([])

    func record(_ values: [String?]) { seen.withLock { $0 += values } }

    var values: [String?] { seen.withLock { $0 } }
}
