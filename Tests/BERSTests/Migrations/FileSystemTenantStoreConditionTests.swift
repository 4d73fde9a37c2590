import BERS
import BERSTestSupport
import Foundation
import Testing

/// Conditional writes of the file store: checked under a directory lock, so of several writers
/// holding the same entity tag exactly one wins.
@Suite struct FileSystemTenantStoreConditionTests {
    static let key = "tenants/T1/T1-config.json"

    private func makeStore() throws -> (TemporaryDirectory, FileSystemTenantStore) {
        let folder = try TemporaryDirectory(prefix: "bers-conditions")
        try folder.write(Self.key, "original")
        return (folder, FileSystemTenantStore(root: folder.path))
    }

    private func etag(_ store: FileSystemTenantStore) async throws -> String {
        guard case .found(let object) = try await store.get(Self.key), let etag = object.etag else {
            Issue.record("no object with an entity tag at \(Self.key)")
            return ""
        }
        return etag
    }

    private func text(_ folder: TemporaryDirectory, _ key: String = Self.key) throws -> String {
        String(decoding: try Data(contentsOf: folder.url.appendingPathComponent(key)), as: UTF8.self)
    }

    @Test func ifMatchWritesOverTheVersionRead() async throws {
        let (folder, store) = try makeStore()
        defer { folder.remove() }
        let tag = try await put(store, "new", .ifMatch(try await etag(store)))
        #expect(tag == "\"\(BERSDigest.sha256Hex(Array("new".utf8)))\"")
        #expect(try text(folder) == "new")
    }

    @Test func ifMatchWithAStaleTagIsAConflict() async throws {
        let (folder, store) = try makeStore()
        defer { folder.remove() }
        let stale = try await etag(store)
        try folder.write(Self.key, "edited meanwhile")
        let error = try await #require(throws: TenantError.self) { try await put(store, "new", .ifMatch(stale)) }
        #expect(error.code == .conflict)
        #expect(error.message.contains("nothing was written"))
        #expect(try text(folder) == "edited meanwhile")
    }

    @Test func ifMatchOnARemovedDocumentIsAConflict() async throws {
        let (folder, store) = try makeStore()
        defer { folder.remove() }
        let tag = try await etag(store)
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent(Self.key))
        let error = try await #require(throws: TenantError.self) { try await put(store, "new", .ifMatch(tag)) }
        #expect(error.code == .conflict)
        #expect(error.message.contains("was removed since it was read"))
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent(Self.key).path))
    }

    @Test func ifAbsentNeverReplaces() async throws {
        let (folder, store) = try makeStore()
        defer { folder.remove() }
        let error = try await #require(throws: TenantError.self) { try await put(store, "new", .ifAbsent) }
        #expect(error.code == .conflict)
        #expect(try text(folder) == "original")
        _ = try await put(store, "backup", .ifAbsent, key: "tenants/T1/T1-20261204T100000Z.json")
        #expect(try text(folder, "tenants/T1/T1-20261204T100000Z.json") == "backup")
    }

    @Test func ofConcurrentWritersWithTheSameTagExactlyOneWins() async throws {
        let (folder, store) = try makeStore()
        defer { folder.remove() }
        let tag = try await etag(store)
        let outcomes = await withTaskGroup(of: (Int, Bool).self) { group in
            for writer in 0..<8 {
                group.addTask {
                    do {
                        _ = try await store.put(
                            Self.key,
                            Array("writer \(writer)".utf8),
                            contentType: "application/json",
                            condition: .ifMatch(tag)
                        )
                        return (writer, true)
                    } catch {
                        return (writer, false)
                    }
                }
            }
            var all: [(Int, Bool)] = []
            for await outcome in group { all.append(outcome) }
            return all
        }
        let winners = outcomes.filter { $0.1 }.map { $0.0 }
        #expect(winners.count == 1)
        #expect(try text(folder) == "writer \(winners.first ?? -1)")
    }

    private func put(
        _ store: FileSystemTenantStore,
        _ text: String,
        _ condition: StoreWriteCondition,
        key: String = Self.key
    ) async throws(TenantError) -> String? {
        try await store.put(key, Array(text.utf8), contentType: "application/json", condition: condition)
    }
}
