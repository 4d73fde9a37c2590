import Metrics
import NIOCore

/// A response the fast path writes without the router: the whole head (but `Date` and the CORS
/// lines) and body of its 200 and of its 304, valid while ``isCurrent`` says so.
struct HotResponse: Sendable {
    /// `HTTP/1.1 200 OK\r\n` and every header but `Date`, ending before the blank line.
    let head: ByteBuffer
    /// The 304's head, likewise.
    let notModifiedHead: ByteBuffer
    /// The body.
    let body: ByteBuffer
    /// The quoted strong entity tag.
    let etag: String
    /// Its bytes.
    let etagBytes: [UInt8]
    /// The route template (logs and metrics).
    let route: String
    /// The first 8 characters of the tenant hash, if the route names one (logs).
    let tenant: Substring?
    /// Whether it still says what the full path would say now.
    let isCurrent: @Sendable () -> Bool
    /// `bers_http_requests_total` for 200 and for 304.
    let counters: (ok: Counter, notModified: Counter)
    /// The duration histogram of the route.
    let timer: Timer

    /// Whether an `If-None-Match` value names this response's tag: compared as bytes when it is
    /// the tag alone (what clients send back), parsed otherwise.
    func isNamed(by condition: UnsafeRawBufferPointer) -> Bool {
        condition.elementsEqual(etagBytes)
            || ServedResponse.matches(String(decoding: condition, as: UTF8.self), etag: etag)
    }

    /// The blank line that ends a head.
    static let endOfHead = ByteBuffer(string: "\r\n")
}
