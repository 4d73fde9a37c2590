import Hummingbird
import Logging
import NIOCore

/// The server's hot path: the first handler of a connection, before HTTP parsing, writing the
/// registered response of a plain `GET` straight from bytes (no parsing into a request, no task,
/// no router).
///
/// Every other whole request (an unregistered or stale target, a `HEAD`) goes to the full server
/// on its own; while any is unanswered, later requests follow it there, so responses keep the
/// order of requests (``ResponseEndCounter`` reports each answer). Bytes it cannot delimit with
/// certainty send the connection to the full server for good. It stops reading while the
/// connection is not writable, holds a close until its own writes are done, and closes a
/// connection idle for `idleTimeout`.
final class FastPathHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let responses: HotResponses
    private let scanner = RequestScanner()
    private let headerLimit: Int
    private let accessLog: Logger?
    private let idleTimeout: TimeAmount
    /// Everything goes to the full server from now on.
    private var forwardingForGood = false
    /// Requests passed to the full server and not yet answered.
    private var unanswered = 0
    /// Bytes received and not yet answered or passed on.
    private var pending: ByteBuffer?
    /// A `read` held back while the connection is not writable.
    private var readHeld = false
    /// Responses written by this handler and not yet on the socket.
    private var writesInFlight = 0
    /// A close asked for while `writesInFlight > 0`.
    private var heldClose: (mode: CloseMode, promise: EventLoopPromise<Void>?)?
    private var lastRead = HotResponses.monotonicNanoseconds()
    private var idleCheck: RepeatedTask?

    /// A handler answering from `responses`; `accessLog`, when given, gets one line per request.
    init(responses: HotResponses, headerLimit: Int, accessLog: Logger?, idleTimeout: TimeAmount) {
        self.responses = responses
        self.headerLimit = headerLimit
        self.accessLog = accessLog
        self.idleTimeout = idleTimeout
    }

    /// The full server finished the response of a request passed to it.
    func fullServerAnswered() {
        if unanswered > 0 { unanswered -= 1 }
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let bound = NIOLoopBound((handler: self, context: context), eventLoop: context.eventLoop)
        let period = TimeAmount.nanoseconds(max(idleTimeout.nanoseconds / 4, 1_000_000))
        idleCheck = context.eventLoop.scheduleRepeatedTask(initialDelay: period, delay: period) { _ in
            bound.value.handler.closeIfIdle(context: bound.value.context)
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        idleCheck?.cancel()
    }

    func channelInactive(context: ChannelHandlerContext) {
        idleCheck?.cancel()
        context.fireChannelInactive()
    }

    /// Closes the connection when nothing was received for `idleTimeout` and nothing is under way.
    private func closeIfIdle(context: ChannelHandlerContext) {
        let idle = HotResponses.monotonicNanoseconds() &- lastRead
        guard idle >= UInt64(idleTimeout.nanoseconds), unanswered == 0, writesInFlight == 0 else { return }
        context.close(promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        lastRead = HotResponses.monotonicNanoseconds()
        if forwardingForGood {
            context.fireChannelRead(data)
            return
        }
        var buffer = unwrapInboundIn(data)
        if var earlier = pending {
            earlier.writeBuffer(&buffer)
            buffer = earlier
        }
        pending = nil
        answer(&buffer, context: context)
    }

    /// Answers or passes on the whole requests at the start of `buffer`, keeping the rest.
    private func answer(_ buffer: inout ByteBuffer, context: ChannelHandlerContext) {
        var wrote = false
        defer { if wrote { finishWrites(context: context) } }
        while buffer.readableBytes > 0 {
            if !context.channel.isWritable {
                pending = buffer
                return
            }
            switch scanner.scan(buffer) {
            case .incomplete where buffer.readableBytes <= headerLimit:
                pending = buffer
                return
            case .get(let target, let ifNoneMatch, let origin, let length) where length <= headerLimit:
                let started = HotResponses.monotonicNanoseconds()
                if unanswered == 0, let response = responses.response(for: target) {
                    let request = RequestFields(buffer: buffer, ifNoneMatch: ifNoneMatch, origin: origin)
                    write(response, for: request, started: started, context: context)
                    buffer.moveReaderIndex(forwardBy: length)
                    wrote = true
                } else {
                    passOn(length, of: &buffer, context: context)
                }
            case .get(_, _, _, let length), .delimited(let length):
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

    /// What a response depends on in its request.
    private struct RequestFields {
        let notModifiedCondition: ByteBuffer?
        let origin: ByteBuffer?

        init(buffer: ByteBuffer, ifNoneMatch: Range<Int>?, origin: Range<Int>?) {
            func slice(_ range: Range<Int>?) -> ByteBuffer? {
                range.flatMap { buffer.getSlice(at: buffer.readerIndex + $0.lowerBound, length: $0.count) }
            }
            notModifiedCondition = slice(ifNoneMatch)
            self.origin = slice(origin)
        }
    }

    /// Writes the 200 (or, when `If-None-Match` names its tag, the 304) of `response`.
    private func write(
        _ response: HotResponse,
        for request: RequestFields,
        started: UInt64,
        context: ChannelHandlerContext
    ) {
        let notModified =
            request.notModifiedCondition.map { condition in
                condition.withUnsafeReadableBytes { response.isNamed(by: $0) }
            } ?? false
        context.write(wrapOutboundOut(notModified ? response.notModifiedHead : response.head), promise: nil)
        if let origin = request.origin, let lines = origin.withUnsafeReadableBytes({ responses.cors.lines(for: $0) }) {
            context.write(wrapOutboundOut(lines), promise: nil)
        }
        context.write(wrapOutboundOut(responses.date.line()), promise: nil)
        context.write(wrapOutboundOut(HotResponse.endOfHead), promise: nil)
        if !notModified { context.write(wrapOutboundOut(response.body), promise: nil) }
        let elapsed = Int64(HotResponses.monotonicNanoseconds() &- started)
        (notModified ? response.counters.notModified : response.counters.ok).increment()
        response.timer.recordNanoseconds(elapsed)
        if let accessLog { log(response, notModified: notModified, nanoseconds: elapsed, to: accessLog) }
    }

    /// Flushes, counting the writes until they are on the socket (a close waits for them).
    private func finishWrites(context: ChannelHandlerContext) {
        let promise = context.eventLoop.makePromise(of: Void.self)
        writesInFlight += 1
        promise.futureResult.assumeIsolated()
            .whenComplete { [self] _ in
                writesInFlight -= 1
                if writesInFlight == 0, let (mode, promise) = heldClose {
                    heldClose = nil
                    context.close(mode: mode, promise: promise)
                }
            }
        context.writeAndFlush(wrapOutboundOut(ByteBuffer()), promise: promise)
    }

    func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
        guard writesInFlight > 0 else {
            context.close(mode: mode, promise: promise)
            return
        }
        heldClose = (mode, promise)
    }

    func read(context: ChannelHandlerContext) {
        guard context.channel.isWritable else {
            readHeld = true
            return
        }
        context.read()
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable {
            if var buffer = pending, !forwardingForGood {
                pending = nil
                answer(&buffer, context: context)
            }
            if readHeld {
                readHeld = false
                context.read()
            }
        }
        context.fireChannelWritabilityChanged()
    }

    /// One access-log line, as the full path writes (with `path=fast`).
    private func log(_ response: HotResponse, notModified: Bool, nanoseconds: Int64, to logger: Logger) {
        var metadata: Logger.Metadata = [
            "method": "GET", "route": .string(response.route), "status": .stringConvertible(notModified ? 304 : 200),
            "duration_ms": .string(String(Double(nanoseconds / 1000) / 1000)),
            "bytes": .stringConvertible(notModified ? 0 : response.body.readableBytes),
            "hb.request.id": .stringConvertible(RequestID()), "path": "fast",
        ]
        if let tenant = response.tenant { metadata["tenant"] = .string(String(tenant)) }
        logger.info("request", metadata: metadata)
    }
}
