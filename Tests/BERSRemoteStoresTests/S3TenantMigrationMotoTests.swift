import AsyncHTTPClient
import BERS
import BERSJSON
import BERSTestSupport
import Foundation
import NIOCore
import Synchronization
import Testing

@testable import BERSRemoteStores

/// Tenant migrations, history, rollback and the conditional writes behind them on a real S3 API
/// (moto on loopback), with the Picasso fixtures in a fresh bucket per test.
@Suite(
    .enabled(if: MotoServer.isAvailable, MotoServer.skipReason),
    .enabled(if: SharedFixtures.isAvailable, SharedFixtures.skipReason),
    .timeLimit(.minutes(2))
)
struct S3TenantMigrationMotoTests {
    static let config = SharedFixtures.packageRoot.appendingPathComponent("Examples/picasso/config").path
    static let documentKey = "tenants/MYR384719/MYR384719-config.json"
    static let firstTime = UTCTimestamp(secondsSince1970: 1_796_378_400)  // 2026-12-04T10:00:00Z
    static let secondTime = UTCTimestamp(secondsSince1970: 1_796_378_700)  // 2026-12-04T10:05:00Z
    static let firstBackup = "tenants/MYR384719/MYR384719-20261204T100000Z.json"
    static let secondBackup = "tenants/MYR384719/MYR384719-20261204T100500Z.json"

    private func migrator() throws -> TenantMigrator {
        try ConfigProject(directory: Self.config).tenantMigrator()
    }

    private func place(in store: any TenantStore) async throws -> TenantDocumentPlace {
        try await TenantDocumentPlace.locate(try TenantHash("my87674d777bf9"), in: store)
    }

    private func fixture() throws -> [UInt8] {
        try #require(SharedFixtures.bytes("fixtures/picasso/tenants/MYR384719-config.json"))
    }

    private func object(_ key: String, in store: any TenantStore) async throws -> StoredObject? {
        if case .found(let object) = try await store.get(key) { return object }
        return nil
    }

    /// Every key of the bucket with its entity tag.
    private func snapshot(_ store: any TenantStore) async throws -> [String: String] {
        var tags: [String: String] = [:]
        for key in try await store.list(prefix: "") { tags[key] = try await object(key, in: store)?.etag ?? "-" }
        return tags
    }

    @Test func migrationKeepsABackupThenRollbackRestoresTheExactBytes() async throws {
        try await S3TestSupport.withPicassoBucket { store, _ in
            let migrator = try migrator()
            let original = try fixture()
            let place = try await place(in: store)
            #expect(place.key == Self.documentKey)
            #expect(place.backupStem == "tenants/MYR384719/MYR384719")

            let (result, written) = try await migrator.migrate(place, to: "1.3", write: true, now: Self.firstTime)
            #expect(!result.isBlocked && result.warnings.count == 7)
            #expect(written?.key == Self.documentKey)
            #expect(written?.backupKey == Self.firstBackup)
            let backup = try #require(try await object(Self.firstBackup, in: store))
            #expect(backup.bytes == original)
            let document = try #require(try await object(Self.documentKey, in: store))
            #expect(document.bytes == result.bytes)
            #expect(document.etag == written?.etag)
            let migrated = try JSONValue(parsing: String(decoding: document.bytes, as: UTF8.self))
            #expect(migrated["version"] == "1.3")
            #expect(migrated["generated_at"] == .integer(Self.firstTime.secondsSince1970))
            #expect(migrated[pointer: "/conversational_forms/lovebox_application/program"] == "lovebox")

            let history = try await place.history()
            #expect(history.map(\.key) == [Self.documentKey, Self.firstBackup])
            #expect(history.map(\.version) == ["1.3", "1.1"])
            #expect(history.map(\.isCurrent) == [true, false])
            #expect(history.last?.size == original.count)

            let rollback = TenantRollback(validator: migrator.validator)
            await expectTenantError(.migrationFailed) {
                _ = try await rollback.plan(
                    place,
                    to: UTCTimestamp(secondsSince1970: Self.firstTime.secondsSince1970 - 1)
                )
            }
            let plan = try await rollback.plan(place, to: nil)
            #expect(plan.backup.key == Self.firstBackup)
            #expect(plan.introduced.isEmpty)
            #expect(plan.preExisting.map(\.code.rawValue) == ["tenant.unknown-cta", "tenant.unknown-form"])
            let restored = try await rollback.restore(
                plan,
                at: place,
                writer: TenantChangeWriter(),
                now: Self.secondTime
            )
            #expect(restored.key == Self.documentKey && restored.backupKey == Self.secondBackup)
            #expect(try await object(Self.documentKey, in: store)?.bytes == original)
            #expect(try await object(Self.secondBackup, in: store)?.bytes == document.bytes)
            #expect(try await object(Self.firstBackup, in: store)?.bytes == original)

            let after = try await place.history()
            #expect(after.map(\.key) == [Self.documentKey, Self.secondBackup, Self.firstBackup])
            #expect(after.map(\.version) == ["1.1", "1.3", "1.1"])
            #expect(after.first?.sha256 == after.last?.sha256)
            // The other tenant is untouched.
            #expect(try await store.keys("tenants/AUS123957/") == ["tenants/AUS123957/AUS123957-config.json"])
        }
    }

    @Test func aConcurrentPutBetweenReadAndWriteIsAConflictAndIsKept() async throws {
        try await S3TestSupport.withPicassoBucket { store, _ in
            let original = try fixture()
            let concurrent = Array(
                String(decoding: original, as: UTF8.self)
                    .replacingOccurrences(of: "\"Standard\"", with: "\"Premium\"").utf8
            )
            #expect(concurrent != original)
            let writer = TenantChangeWriter(
                pause: Interference.once { [store] in
                    _ = try? await store.put(Self.documentKey, concurrent, contentType: "application/json")
                }
            )
            let place = try await place(in: store)
            let error = await expectTenantError(.conflict) {
                _ = try await migrator().migrate(place, to: "1.3", write: true, writer: writer, now: Self.firstTime)
            }
            #expect(error?.message.contains("changed since it was read") == true)
            #expect(try await object(Self.documentKey, in: store)?.bytes == concurrent)
            // The backup taken first is complete: the version the migration read.
            #expect(try await object(Self.firstBackup, in: store)?.bytes == original)

            // Migrating again starts from the concurrent edit.
            let (_, written) = try await migrator().migrate(place, to: "1.3", write: true, now: Self.secondTime)
            #expect(written?.backupKey == Self.secondBackup)
            #expect(try await object(Self.secondBackup, in: store)?.bytes == concurrent)
            let migrated = try #require(try await object(Self.documentKey, in: store))
            let value = try JSONValue(parsing: String(decoding: migrated.bytes, as: UTF8.self))
            #expect(value["subscription_tier"] == "Premium" && value["version"] == "1.3")
        }
    }

    @Test func aDocumentDeletedBetweenReadAndWriteIsAConflict() async throws {
        try await S3TestSupport.withPicassoBucket { store, _ in
            let writer = TenantChangeWriter(
                pause: Interference.once { [store] in
                    _ = try? await store.send(
                        method: .DELETE,
                        fullKey: Self.documentKey,
                        headers: [],
                        maxBodySize: 1 << 16,
                        context: "delete"
                    )
                }
            )
            let place = try await place(in: store)
            let error = await expectTenantError(.conflict) {
                _ = try await migrator().migrate(place, to: "1.3", write: true, writer: writer, now: Self.firstTime)
            }
            #expect(error?.message.contains("removed since it was read") == true)
            #expect(try await store.fetch(Self.documentKey) == .notFound)
        }
    }

    @Test func tenantPutOverAConcurrentEditIsAConflict() async throws {
        try await S3TestSupport.withPicassoBucket { store, _ in
            let project = try ConfigProject(directory: Self.config)
            let validator = try project.tenantValidator()
            let example = SharedFixtures.packageRoot
                .appendingPathComponent("Examples/picasso/tenants/tenants/DEMO200002/DEMO200002-config.json")
            let text = try String(contentsOf: example, encoding: .utf8)
            let first = try await TenantPublisher(store: store, validator: validator)
                .publish(Array(text.utf8), file: "v1.json", now: Self.firstTime)
            #expect(first.backupKey == nil && first.wroteMapping)
            let key = "tenants/DEMO200002/DEMO200002-config.json"
            let concurrent = Array(text.replacingOccurrences(of: "Riverbend Food Pantry", with: "Edited").utf8)
            let writer = TenantChangeWriter(
                pause: Interference.once { [store] in
                    _ = try? await store.put(key, concurrent, contentType: "application/json")
                }
            )
            let second = Array(text.replacingOccurrences(of: "Riverbend Food Pantry", with: "Published").utf8)
            await expectTenantError(.conflict) {
                _ = try await TenantPublisher(store: store, validator: validator, writer: writer)
                    .publish(second, file: "v2.json", now: Self.secondTime)
            }
            #expect(try await object(key, in: store)?.bytes == concurrent)
            #expect(
                try await object("tenants/DEMO200002/DEMO200002-20261204T100500Z.json", in: store)?.bytes
                    == Array(text.utf8)
            )
        }
    }

    @Test func aDryRunWritesNothing() async throws {
        try await S3TestSupport.withPicassoBucket { store, _ in
            // A backup to roll back to, so that the rollback plan has something to read.
            _ = try await migrator().migrate(try await place(in: store), to: "1.3", write: true, now: Self.firstTime)
            let before = try await snapshot(store)
            let counting = PutCountingStore(store)
            let place = try await place(in: counting)
            let (result, written) = try await migrator().migrate(place, to: "1.5", write: false, now: Self.secondTime)
            #expect(!result.isBlocked && !result.isUnchanged && written == nil)
            _ = try await place.history()
            let plan = try await TenantRollback(validator: try migrator().validator).plan(place, to: nil)
            #expect(plan.backup.key == Self.firstBackup)
            #expect(counting.puts == [])
            #expect(counting.reads > 0)
            #expect(try await snapshot(store) == before)
        }
    }

    /// moto's request recorder, on a private server (the recorder is one switch and one file per
    /// server, so it cannot be shared with concurrent tests): a dry run sends no PUT; a real
    /// migration sends exactly two, the backup with `If-None-Match: *` and the document with
    /// `If-Match`.
    @Test(.enabled(if: MotoServer.canStartPrivateServer, MotoServer.skipReason))
    func theRecorderSeesNoPutForADryRunAndTwoConditionalPutsForAMigration() async throws {
        let recording = try TemporaryDirectory(prefix: "bers-moto-recording")
        defer { recording.remove() }
        let moto = try await MotoServer.start(environment: [
            "MOTO_RECORDER_FILEPATH": recording.path + "/requests.jsonl"
        ])
        defer { moto.stop() }
        try await RemoteTenantStores.withHTTPClient { client in
            let bucket = S3TestSupport.uniqueBucket()
            let store = try S3TestSupport.store(endpoint: moto.endpoint, bucket: bucket, client: client)
            try await S3TestSupport.createBucket(store)
            let etags = try await S3TestSupport.uploadPicasso(store)
            let recorder = MotoRecorder(endpoint: moto.endpoint, bucket: bucket, client: client)
            try await recorder.start()

            let place = try await place(in: store)
            let (_, nothing) = try await migrator().migrate(place, to: "1.3", write: false, now: Self.firstTime)
            #expect(nothing == nil)
            _ = try await place.history()
            let dryRun = try await recorder.requests()
            #expect(dryRun.filter { $0.method == "PUT" }.isEmpty, "\(dryRun.map(\.line))")
            #expect(dryRun.contains { $0.method == "GET" && $0.url.hasSuffix("/" + Self.documentKey) })

            let (_, written) = try await migrator().migrate(place, to: "1.3", write: true, now: Self.firstTime)
            #expect(written?.backupKey == Self.firstBackup)
            let puts = try await recorder.requests().filter { $0.method == "PUT" }
            #expect(puts.count == 2, "\(puts.map(\.line))")
            #expect(puts.first?.url.hasSuffix("/\(bucket)/\(Self.firstBackup)") == true)
            #expect(puts.last?.url.hasSuffix("/\(bucket)/\(Self.documentKey)") == true)
            #expect(puts.first?.header("if-none-match") == "*")
            #expect(puts.first?.header("if-match") == nil)
            #expect(puts.last?.header("if-match") == etags[Self.documentKey])
            #expect(puts.last?.header("if-none-match") == nil)
            try await recorder.stop()
        }
    }
}

/// A pause hook that runs `action` the first time only (the writer pauses after the backup and
/// again after the document).
enum Interference {
    static func once(_ action: @escaping @Sendable () async -> Void) -> @Sendable () async -> Void {
        let done = Mutex(false)
        return {
            let first = done.withLock { done in
                defer { done = true }
                return !done
            }
            if first { await action() }
        }
    }
}

/// A store that records the writes and counts the reads of the store it wraps.
final class PutCountingStore: TenantStore {
    private let inner: any TenantStore
    private let log = Mutex<(puts: [String], reads: Int)>(([], 0))

    init(_ inner: any TenantStore) { self.inner = inner }

    /// The keys written, in order.
    var puts: [String] { log.withLock { $0.puts } }
    /// How many reads and lists went through.
    var reads: Int { log.withLock { $0.reads } }

    func get(_ key: String, ifNoneMatch etag: String?) async throws(TenantError) -> StoreResponse {
        log.withLock { $0.reads += 1 }
        return try await inner.get(key, ifNoneMatch: etag)
    }

    func put(
        _ key: String,
        _ bytes: [UInt8],
        contentType: String,
        condition: StoreWriteCondition
    ) async throws(TenantError) -> String? {
        log.withLock { $0.puts.append(key) }
        return try await inner.put(key, bytes, contentType: contentType, condition: condition)
    }

    func list(prefix: String) async throws(TenantError) -> [String] {
        log.withLock { $0.reads += 1 }
        return try await inner.list(prefix: prefix)
    }

    var description: String { inner.description }
}

/// moto's request recorder (`/moto-api/recorder/…`), read back as requests to one bucket.
struct MotoRecorder {
    struct Request {
        var method: String
        var url: String
        var headers: [String: String]
        var line: String

        /// The header `name`, whatever its case.
        func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name }?.value
        }
    }

    var endpoint: String
    var bucket: String
    var client: HTTPClient

    func start() async throws { try await post("start-recording") }

    func stop() async throws { try await post("stop-recording") }

    /// The requests recorded so far to the bucket, in order.
    func requests() async throws -> [Request] {
        let response = try await client.execute(
            HTTPClientRequest(url: endpoint + "/moto-api/recorder/download-recording"),
            timeout: .seconds(10)
        )
        try #require(response.status.code == 200)
        let body = String(buffer: try await response.body.collect(upTo: 1 << 24))
        return body.split(separator: "\n")
            .compactMap { line -> Request? in
                guard let entry = try? JSONValue(parsing: String(line)), let method = entry["method"]?.stringValue,
                    let url = entry["url"]?.stringValue, url.contains("/\(bucket)")
                else { return nil }
                var headers: [String: String] = [:]
                for (name, value) in entry["headers"]?.objectValue ?? [:] { headers[name] = value.stringValue }
                return Request(method: method, url: url, headers: headers, line: String(line))
            }
    }

    private func post(_ action: String) async throws {
        var request = HTTPClientRequest(url: endpoint + "/moto-api/recorder/" + action)
        request.method = .POST
        let response = try await client.execute(request, timeout: .seconds(10))
        try #require(response.status.code == 200)
    }
}
