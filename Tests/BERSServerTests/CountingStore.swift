import BERS
import Synchronization

/// A tenant store that counts reads and can make each one slow.
final class CountingStore: TenantStore, Sendable {
    private let inner: any TenantStore
    private let delay: Duration
    private let reads = Mutex<[String: Int]>([:])

    init(_ inner: any TenantStore, delay: Duration = .zero) {
        self.inner = inner
        self.delay = delay
    }

    /// How many times `key` was read.
    func readCount(_ key: String) -> Int { reads.withLock { $0[key] ?? 0 } }

    func get(_ key: String, ifNoneMatch etag: String?) async throws(TenantError) -> StoreResponse {
        reads.withLock { $0[key, default: 0] += 1 }
        if delay > .zero { try? await Task.sleep(for: delay) }
        return try await inner.get(key, ifNoneMatch: etag)
    }

    func put(_ key: String, _ bytes: [UInt8], contentType: String) async throws(TenantError) -> String? {
        try await inner.put(key, bytes, contentType: contentType)
    }

    func list(prefix: String) async throws(TenantError) -> [String] {
        try await inner.list(prefix: prefix)
    }

    var description: String { "counting \(inner.description)" }
}
