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
/// `/?action=get_config&t=…`): each registered by the full path after it rendered a 200 for a
/// public GET, and written while its validity holds (its generation is current; for a tenant,
/// the cache still holds the same version of the document, fresh).
final class HotResponses: Sendable {
    private let entries = Mutex<[String: HotResponse]>([:])
    private let capacity: Int
    private let metrics: HTTPMetrics
    /// The `Date` header of the current second.
    let date = HTTPDate()
    /// The CORS lines for each allowed origin.
    let cors: HotCORS

    /// A table of at most `capacity` responses, counting requests into `metrics`.
    init(capacity: Int, metrics: HTTPMetrics, cors: CORSPolicy) {
        self.capacity = capacity
        self.metrics = metrics
        self.cors = HotCORS(cors)
    }

    /// The response for `target`, if it is still valid.
    func response(for target: String) -> HotResponse? {
        guard let entry = entries.withLock({ $0[target] }), entry.isCurrent() else { return nil }
        return entry
    }

    /// Registers what the full path served for `target`, without its per-request CORS headers.
    func register(target: String, served: ServedResponse, route: ServerRoute, isCurrent: @escaping @Sendable () -> Bool)
    {
        guard served.status == .ok, let etag = served.headers[.eTag] else { return }
        var headers = served.headers
        headers[.date] = nil
        headers[.accessControlAllowOrigin] = nil
        headers[.accessControlExposeHeaders] = nil
        headers[.server] = "bers"
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
            counters: (
                metrics.counter(route: route.template, status: 200),
                metrics.counter(route: route.template, status: 304)
            ),
            timer: metrics.timer(route: route.template)
        )
        entries.withLock { entries in
            if entries.count >= capacity, entries[target] == nil { entries.removeAll(keepingCapacity: true) }
            entries[target] = entry
        }
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
