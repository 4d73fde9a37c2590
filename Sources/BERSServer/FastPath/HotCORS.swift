import NIOCore

/// The CORS header lines the fast path adds for a request's `Origin`, prepared once per allowed
/// origin (the same headers ``CORSPolicy`` gives the full path).
struct HotCORS: Sendable {
    private let lines: [(origin: [UInt8], line: ByteBuffer)]
    private let wildcard: ByteBuffer?

    init(_ policy: CORSPolicy) {
        func line(_ allowed: String) -> ByteBuffer {
            ByteBuffer(
                string:
                    "Access-Control-Allow-Origin: \(allowed)\r\nAccess-Control-Expose-Headers: ETag, BERS-Generation\r\n"
            )
        }
        lines = policy.allowedOrigins.filter { $0 != "*" }.sorted().map { (Array($0.utf8), line($0)) }
        wildcard = policy.allowedOrigins.contains("*") ? line("*") : nil
    }

    /// The lines for `origin`, or `nil` when it is not allowed (the response then has none).
    func lines(for origin: UnsafeRawBufferPointer) -> ByteBuffer? {
        lines.first { $0.origin.elementsEqual(origin) }?.line ?? wildcard
    }
}
