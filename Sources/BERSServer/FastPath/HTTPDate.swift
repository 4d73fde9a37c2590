import BERS
import NIOCore
import Synchronization

/// The `Date: <IMF-fixdate>\r\n` header line of the current second, formatted once per second.
final class HTTPDate: Sendable {
    private let cached = Mutex<(second: Int64, line: ByteBuffer)>((-1, ByteBuffer()))

    /// The header line for now.
    func line() -> ByteBuffer {
        let now = UTCTimestamp.now()
        return cached.withLock { cached in
            if cached.second != now.secondsSince1970 {
                cached = (now.secondsSince1970, ByteBuffer(string: "Date: \(now.httpDate)\r\n"))
            }
            return cached.line
        }
    }
}
