import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// What the ``FaultServer`` does with a request.
indirect enum FaultResponse: Sendable {
    /// A well-formed HTTP/1.1 response with a `content-length`.
    case response(status: Int, headers: [(String, String)] = [], body: [UInt8] = [])
    /// These bytes, whatever they are, then the connection is closed.
    case raw([UInt8])
    /// A head announcing `declaredLength` bytes, `sent` of them, then nothing more.
    case partialBody(status: Int, declaredLength: Int, sent: [UInt8])
    /// A chunked body of `chunks` chunks of `chunkSize` bytes each.
    case chunked(status: Int, chunkSize: Int, chunks: Int)
    /// Nothing, ever (the client's timeout must fire).
    case stall
    /// The connection is closed without an answer.
    case close
    /// A head announcing `declaredLength` bytes, `sent` of them, then the connection is closed.
    case cutBody(status: Int, declaredLength: Int, sent: [UInt8])
    /// `response`, after `milliseconds`.
    case delayed(milliseconds: Int64, FaultResponse)

    /// A JSON response.
    static func json(_ text: String, status: Int = 200, headers: [(String, String)] = []) -> FaultResponse {
        .response(status: status, headers: [("content-type", "application/json")] + headers, body: Array(text.utf8))
    }
}

/// How the ``FaultServer`` chooses its answers.
struct Responder: Sendable {
    let respond: @Sendable (RecordedRequest) -> FaultResponse

    /// The same answer to every request.
    static func always(_ response: FaultResponse) -> Responder {
        Responder { _ in response }
    }

    /// An answer computed from each request.
    static func dynamic(_ respond: @escaping @Sendable (RecordedRequest) -> FaultResponse) -> Responder {
        Responder(respond: respond)
    }
}

/// A request the ``FaultServer`` received.
struct RecordedRequest: Sendable {
    var method: String
    var path: String
    var headers: [(String, String)]
    var body: [UInt8]

    /// The first value of a header, by case-insensitive name.
    func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }
}

/// A small HTTP server on 127.0.0.1 that answers each request as a ``Responder`` says.
///
/// It sends well-formed responses, garbage, partial bodies, or nothing. It parses and writes
/// HTTP by hand, so it can send what a real server would not.
final class FaultServer: Sendable {
    /// The port it listens on.
    let port: Int
    private let serverChannel: any Channel
    private let state: State

    final class State: Sendable {
        let respond: @Sendable (RecordedRequest) -> FaultResponse
        let requests = Mutex<[RecordedRequest]>([])
        let children = Mutex<[any Channel]>([])
        init(respond: @escaping @Sendable (RecordedRequest) -> FaultResponse) { self.respond = respond }
    }

    private init(port: Int, serverChannel: any Channel, state: State) {
        self.port = port
        self.serverChannel = serverChannel
        self.state = state
    }

    /// `http://127.0.0.1:PORT`.
    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// The requests received so far.
    var requests: [RecordedRequest] { state.requests.withLock { $0 } }

    /// Starts a server; stop it with ``stop()`` (or use ``with(_:_:)``).
    static func start(_ responder: Responder) async throws -> FaultServer {
        let state = State(respond: responder.respond)
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                state.children.withLock { $0.append(channel) }
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(RawHTTPHandler(state: state))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        guard let port = channel.localAddress?.port else {
            try await channel.close()
            throw FaultServerError.noPort
        }
        return FaultServer(port: port, serverChannel: channel, state: state)
    }

    /// Runs `body` with a started server, and stops it afterwards.
    static func with<Result: Sendable>(
        _ responder: Responder,
        _ body: (FaultServer) async throws -> Result
    ) async throws -> Result {
        let server = try await start(responder)
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    /// Closes the listening socket and every open connection.
    func stop() async {
        try? await serverChannel.close()
        for child in state.children.withLock({ $0 }) {
            try? await child.close()
        }
    }
}

enum FaultServerError: Error {
    case noPort
}

/// Reads requests (head and `content-length` body) and writes what the closure says.
private final class RawHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let state: FaultServer.State
    private var buffer: [UInt8] = []

    init(state: FaultServer.State) { self.state = state }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        buffer += bytes.readBytes(length: bytes.readableBytes) ?? []
        while let request = nextRequest() {
            state.requests.withLock { $0.append(request) }
            answer(state.respond(request), context: context)
        }
    }

    private func answer(_ response: FaultResponse, context: ChannelHandlerContext) {
        switch response {
        case .response(let status, let headers, let body):
            write(head(status, headers + [("content-length", String(body.count))]) + body, context: context)
        case .raw(let bytes):
            write(bytes, context: context)
            context.close(promise: nil)
        case .partialBody(let status, let declaredLength, let sent):
            write(head(status, [("content-length", String(declaredLength))]) + sent, context: context)
        case .chunked(let status, let chunkSize, let chunks):
            var bytes = head(status, [("transfer-encoding", "chunked")])
            let chunk =
                Array(String(chunkSize, radix: 16).utf8) + [13, 10] + [UInt8](repeating: 0x61, count: chunkSize) + [
                    13, 10,
                ]
            for _ in 0..<chunks { bytes += chunk }
            bytes += Array("0\r\n\r\n".utf8)
            write(bytes, context: context)
        case .stall:
            break
        case .close:
            context.close(promise: nil)
        case .cutBody(let status, let declaredLength, let sent):
            write(head(status, [("content-length", String(declaredLength))]) + sent, context: context)
            context.close(promise: nil)
        case .delayed(let milliseconds, let response):
            let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            context.eventLoop.scheduleTask(in: .milliseconds(milliseconds)) {
                bound.value.0.answer(response, context: bound.value.1)
            }
        }
    }

    private func head(_ status: Int, _ headers: [(String, String)]) -> [UInt8] {
        var text = "HTTP/1.1 \(status) Status\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        return Array((text + "\r\n").utf8)
    }

    private func write(_ bytes: [UInt8], context: ChannelHandlerContext) {
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: bytes)), promise: nil)
    }

    /// Takes one complete request from the buffer, if there is one.
    private func nextRequest() -> RecordedRequest? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard buffer.count >= 4,
            let headEnd = (0...(buffer.count - 4)).first(where: { buffer[$0..<$0 + 4].elementsEqual(separator) })
        else { return nil }
        let lines = String(decoding: buffer[..<headEnd], as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = lines.first?.split(separator: " ") ?? []
        var headers: [(String, String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append(
                (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            )
        }
        let length = headers.first { $0.0.lowercased() == "content-length" }.flatMap { Int($0.1) } ?? 0
        guard buffer.count >= headEnd + 4 + length else { return nil }
        let body = Array(buffer[(headEnd + 4)..<(headEnd + 4 + length)])
        buffer.removeFirst(headEnd + 4 + length)
        return RecordedRequest(
            method: requestLine.first.map(String.init) ?? "",
            path: requestLine.dropFirst().first.map(String.init) ?? "",
            headers: headers,
            body: body
        )
    }
}
