import BERS
import HTTPTypes
import Metrics
import NIOCore
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The responses the fast path may write, by exact request target (`/v1/config/staging`,
/// `/?action=get_config&t=…`): each registered by the normal path after it rendered a 200 for a
/// public GET, and dropped when its configuration changes, it expires, or its tenant is
/// invalidated.
final class HotResponses: Sendable {
    private let entries = Mutex<[String: HotResponse]>([:])
    private let capacity: Int
    private let metrics: HTTPMetrics
    /// The `Date` header of the current second.
    let date = HTTPDate()

    /// A table of at most `capacity` responses, counting requests into `metrics`.
    init(capacity: Int, metrics: HTTPMetrics) {
        self.capacity = capacity
        self.metrics = metrics
    }

    /// The response for `target`, if it is still valid.
    func response(for target: String, now: UInt64) -> HotResponse? {
        guard let entry = entries.withLock({ $0[target] }) else { return nil }
        if let expiry = entry.expiresAt, now >= expiry { return nil }
        return entry.isCurrent() ? entry : nil
    }

    /// Registers what the normal path served for `target`.
    func register(
        target: String,
        served: ServedResponse,
        route: ServerRoute,
        isCurrent: @escaping @Sendable () -> Bool,
        lifetimeNanoseconds: UInt64?
    ) {
        guard served.status == .ok, let etag = served.headers[.eTag] else { return }
        var headers = served.headers
        headers[.date] = nil
        let notModifiedFields = headers.filter { $0.name != .contentType && $0.name != .contentLength }
        let entry = HotResponse(
            head: Self.head("HTTP/1.1 200 OK\r\n", headers),
            notModifiedHead: Self.head("HTTP/1.1 304 Not Modified\r\n", HTTPFields(notModifiedFields)),
            body: served.body,
            etag: etag,
            etagBytes: Array(etag.utf8),
            route: route.template,
            tenant: route.tenantHash.map { $0.prefix(8) },
            isCurrent: isCurrent,
            expiresAt: lifetimeNanoseconds.map { Self.monotonicNanoseconds() + $0 },
            counters: (
                metrics.counter(route: route.template, status: 200), metrics.counter(route: route.template, status: 304)
            ),
            timer: metrics.timer(route: route.template)
        )
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[target] = entry
        }
    }

    /// Drops every response of a tenant route (a tenant was invalidated).
    func removeTenantResponses() {
        entries.withLock { entries in entries = entries.filter { $0.value.tenant == nil } }
    }

    /// The status line and headers as bytes, without the blank line.
    private static func head(_ statusLine: String, _ headers: HTTPFields) -> ByteBuffer {
        var text = statusLine
        for field in headers { text += "\(field.name.rawName): \(field.value)\r\n" }
        return ByteBuffer(string: text)
    }

    /// Now, on the monotonic clock, in nanoseconds.
    static func monotonicNanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }
}
