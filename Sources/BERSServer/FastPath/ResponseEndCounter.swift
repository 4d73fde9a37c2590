import NIOCore
import NIOHTTPTypes

/// Tells the connection's ``FastPathHandler`` each time the full server finishes a response, so
/// that it answers again once every request it passed on is answered.
final class ResponseEndCounter: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let fastPath: FastPathHandler

    init(fastPath: FastPathHandler) {
        self.fastPath = fastPath
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { fastPath.fullServerAnswered() }
        context.write(data, promise: promise)
    }
}
