import BERS
import Synchronization

/// A tenant store that counts reads and can make each one slow, or fail while told to.
final class CountingStore: TenantStore, Sendable {
    private let inner: any TenantStore
    private let delay: Duration
    private let failure: Mutex<TenantError?>
    private let reads = Mutex<[String: Int]>([:])

    /// `inner`, each read taking `delay` longer, or failing with `failure`.
    init(_ inner: any TenantStore, delay: Duration = .zero, failure: TenantError? = nil) {
        self.inner = inner
        self.delay = delay
        self.failure = Mutex(failure)
    }

    /// Makes every later read fail with `failure`, or succeed again with `nil`.
    func setFailure(_ failure: TenantError?) { self.failure.withLock { $0 = failure } }

    /// How many times `key` was read.
    func readCount(_ key: String) -> Int { reads.withLock { $0[key] ?? 0 } }

    func get(_ key: String, ifNoneMatch etag: String?) async throws(TenantError) -> StoreResponse {
        reads.withLock { $0[key, default: 0] += 1 }
        if delay > .zero { try? await Task.sleep(for: delay) }
        if let failure = failure.withLock({ $0 }) { throw failure }
        return try await inner.get(key, ifNoneMatch: etag)
    }

    func put(
        _ key: String,
        _ bytes: [UInt8],
        contentType: String,
        condition: StoreWriteCondition
    ) async throws(TenantError) -> String? {
        try await inner.put(key, bytes, contentType: contentType, condition: condition)
    }

    func list(prefix: String) async throws(TenantError) -> [String] {
        try await inner.list(prefix: prefix)
    }

    var description: String { "counting \(inner.description)" }
}
