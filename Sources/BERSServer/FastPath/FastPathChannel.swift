import HummingbirdCore
import Logging
import NIOCore
import NIOHTTPTypesHTTP1

/// Hummingbird's HTTP/1 child channel with a ``FastPathHandler`` in front of its HTTP parsing.
struct FastPathChannel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    /// The HTTP/1 channel every request the fast path does not answer goes to.
    let http1: HTTP1Channel
    let responses: HotResponses
    let headerLimit: Int
    let accessLog: Logger?
    let idleTimeout: TimeAmount

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let fastPath = FastPathHandler(
            responses: responses,
            headerLimit: headerLimit,
            accessLog: accessLog,
            idleTimeout: idleTimeout
        )
        let boundFastPath = NIOLoopBound(fastPath, eventLoop: channel.eventLoop)
        return channel.eventLoop
            .makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(fastPath)
            }
            .flatMap { http1.setup(channel: channel, logger: logger) }
            .flatMapThrowing { value in
                // Between the HTTP codec and the server: it sees each response's end.
                let codec = try channel.pipeline.syncOperations.handler(type: HTTP1ToHTTPServerCodec.self)
                try channel.pipeline.syncOperations.addHandler(
                    ResponseEndCounter(fastPath: boundFastPath.value),
                    position: .after(codec)
                )
                return value
            }
    }

    func handle(value: Value, logger: Logger) async {
        await http1.handle(value: value, logger: logger)
    }
}
