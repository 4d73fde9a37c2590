import Logging
import NIOCore

/// The server's hot path: the first handler of a connection, before HTTP parsing, writing the
/// registered response of a plain `GET` straight from bytes (no parsing into a request, no task,
/// no router).
///
/// Every other whole request (an unregistered or stale target, a `HEAD`, a CORS request) goes to
/// the full server on its own; while any is unanswered, later requests follow it there, so
/// responses keep the order of requests (``ResponseEndCounter`` reports each answer). Bytes it
/// cannot delimit (a body, an upgrade, a malformed request) send the connection to the full
/// server for good. It also closes connections idle for `idleTimeout`.
final class FastPathHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let responses: HotResponses
    private let scanner: RequestScanner
    private let headerLimit: Int
    private let accessLog: Logger?
    private let idleTimeout: TimeAmount
    /// Everything goes to the full server from now on.
    private var forwardingForGood = false
    /// Requests passed to the full server and not yet answered.
    private var unanswered = 0
    private var pending: ByteBuffer?
    private var readSinceTick = false
    private var idleCheck: RepeatedTask?

    /// A handler answering from `responses`; `accessLog`, when given, gets one line per request.
    init(
        responses: HotResponses,
        scanner: RequestScanner,
        headerLimit: Int,
        accessLog: Logger?,
        idleTimeout: TimeAmount
    ) {
        self.responses = responses
        self.scanner = scanner
        self.headerLimit = headerLimit
        self.accessLog = accessLog
        self.idleTimeout = idleTimeout
    }

    /// The full server finished the response of a request passed to it.
    func fullServerAnswered() {
        if unanswered > 0 { unanswered -= 1 }
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let loopBound = NIOLoopBound((handler: self, context: context), eventLoop: context.eventLoop)
        idleCheck = context.eventLoop.scheduleRepeatedTask(initialDelay: idleTimeout, delay: idleTimeout) { _ in
            let (handler, context) = loopBound.value
            if handler.readSinceTick {
                handler.readSinceTick = false
            } else {
                context.close(promise: nil)
            }
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        idleCheck?.cancel()
    }

    func channelInactive(context: ChannelHandlerContext) {
        idleCheck?.cancel()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        readSinceTick = true
        if forwardingForGood {
            context.fireChannelRead(data)
            return
        }
        var buffer = unwrapInboundIn(data)
        if var earlier = pending {
            earlier.writeBuffer(&buffer)
            buffer = earlier
            pending = nil
        }
        var wrote = false
        defer { if wrote { context.flush() } }
        while buffer.readableBytes > 0 {
            switch scanner.scan(buffer) {
            case .incomplete where buffer.readableBytes <= headerLimit:
                pending = buffer
                return
            case .get(let target, let ifNoneMatch, let length):
                let started = HotResponses.monotonicNanoseconds()
                if unanswered == 0, let response = responses.response(for: target, now: started) {
                    let notModified =
                        ifNoneMatch.map { range in
                            buffer.withUnsafeReadableBytes {
                                response.isNamed(by: UnsafeRawBufferPointer(rebasing: $0[range]))
                            }
                        } ?? false
                    write(response, notModified: notModified, started: started, context: context)
                    buffer.moveReaderIndex(forwardBy: length)
                    wrote = true
                } else {
                    passOn(length, of: &buffer, context: context)
                }
            case .delimited(let length):
                passOn(length, of: &buffer, context: context)
            case .incomplete, .other:
                forwardingForGood = true
                context.fireChannelRead(wrapInboundOut(buffer))
                return
            }
        }
    }

    /// Passes one whole request of `length` bytes to the full server.
    private func passOn(_ length: Int, of buffer: inout ByteBuffer, context: ChannelHandlerContext) {
        guard let request = buffer.readSlice(length: length) else { return }
        unanswered += 1
        context.fireChannelRead(wrapInboundOut(request))
    }

    /// Writes the 200 (or, when `If-None-Match` named its tag, the 304) of `response`.
    private func write(_ response: HotResponse, notModified: Bool, started: UInt64, context: ChannelHandlerContext) {
        context.write(wrapOutboundOut(notModified ? response.notModifiedHead : response.head), promise: nil)
        context.write(wrapOutboundOut(responses.date.line()), promise: nil)
        context.write(wrapOutboundOut(HotResponse.endOfHead), promise: nil)
        if !notModified { context.write(wrapOutboundOut(response.body), promise: nil) }
        let elapsed = Int64(HotResponses.monotonicNanoseconds() &- started)
        (notModified ? response.counters.notModified : response.counters.ok).increment()
        response.timer.recordNanoseconds(elapsed)
        if let accessLog {
            var metadata: Logger.Metadata = [
                "method": "GET", "route": .string(response.route),
                "status": .stringConvertible(notModified ? 304 : 200),
                "duration_ms": .string(String(Double(elapsed / 1000) / 1000)),
                "bytes": .stringConvertible(notModified ? 0 : response.body.readableBytes), "path": "fast",
            ]
            if let tenant = response.tenant { metadata["tenant"] = .string(String(tenant)) }
            accessLog.info("request", metadata: metadata)
        }
    }
}
