import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc

private let streamSocket = Int32(SOCK_STREAM.rawValue)
#elseif canImport(Darwin)
import Darwin

private let streamSocket = SOCK_STREAM
#endif

/// One TCP connection to the server, for tests that send requests byte by byte (pipelining).
///
/// Reads block, so they run on a dispatch queue: on the tasks' own threads they could starve
/// the server running in the same process.
final class RawConnection: Sendable {
    private let descriptor: Int32
    private let received = Mutex<[UInt8]>([])

    /// A response as read from the wire.
    struct Response: Sendable {
        let status: Int
        let headers: [String: String]
        let body: String
    }

    init(port: Int) throws {
        descriptor = socket(AF_INET, streamSocket, 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard descriptor >= 0, connected == 0 else { throw Failure.connect }
    }

    deinit { close(descriptor) }

    /// Sends `text` in one write.
    func write(_ text: String) {
        _ = text.withCString { send(descriptor, $0, strlen($0), 0) }
    }

    /// Reads the next response; `hasBody` false for a response to HEAD.
    func response(hasBody: Bool = true) async throws -> Response {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global()
                .async {
                    continuation.resume(with: Result { try self.blockingResponse(hasBody: hasBody) })
                }
        }
    }

    private func blockingResponse(hasBody: Bool) throws -> Response {
        while true {
            if let response = received.withLock({ Self.take(from: &$0, hasBody: hasBody) }) { return response }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = recv(descriptor, &chunk, chunk.count, 0)
            guard count > 0 else { throw Failure.closed }
            received.withLock { $0 += chunk[..<count] }
        }
    }

    /// The first whole response in `received`, removed from it.
    private static func take(from received: inout [UInt8], hasBody: Bool) -> Response? {
        guard let (response, length) = parse(received, hasBody: hasBody) else { return nil }
        received.removeFirst(length)
        return response
    }

    private static func parse(_ received: [UInt8], hasBody: Bool) -> (Response, Int)? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = (0..<max(0, received.count - 3)).first(where: { Array(received[$0..<$0 + 4]) == separator })
        else { return nil }
        let lines = String(decoding: received[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        guard let status = lines.first.flatMap({ Int($0.split(separator: " ").dropFirst().first ?? "") }) else {
            return nil
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...]
                .trimmingCharacters(in: .whitespaces)
        }
        let length = hasBody && status != 304 ? Int(headers["content-length"] ?? "0") ?? 0 : 0
        let bodyStart = end + 4
        guard received.count >= bodyStart + length else { return nil }
        let body = String(decoding: received[bodyStart..<bodyStart + length], as: UTF8.self)
        return (Response(status: status, headers: headers, body: body), bodyStart + length)
    }

    enum Failure: Error { case connect, closed }
}
