import BERS
import HTTPTypes
import Hummingbird
import Logging

/// The Hummingbird responder of a ``ConfigServer``: no router (the routes are parsed by
/// ``ServerRoute``), one access-log line and two metrics per request, and the registration of
/// what the fast path may serve next time.
struct ConfigResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let handler: RequestHandler
    let metrics: HTTPMetrics

    func respond(to request: Request, context: Context) async throws -> Response {
        let started = ContinuousClock.now
        let method = request.method.rawValue
        var bodyTooLarge = false
        if request.method == .post {
            do {
                _ = try await request.body.collect(upTo: handler.options.limits.bodyBytes)
            } catch {
                bodyTooLarge = true
            }
        }
        let serverRequest = ServerRequest(
            method: method,
            path: request.uri.path,
            query: request.uri.queryParameters.map { (String($0.key), String($0.value)) },
            headers: request.headers
        )
        let handled = await handler.respond(to: serverRequest, bodyTooLarge: bodyTooLarge)
        let served = ServedResponse(
            handled.answer.response,
            method: method,
            requestHeaders: request.headers,
            cors: handler.cors.headers(for: request.headers[.origin])
        )
        register(served, handled: handled, request: serverRequest, target: request.head.path)
        let elapsed = started.duration(to: .now)
        let nanoseconds = elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
        metrics.record(route: handled.route.template, status: served.status.code, nanoseconds: nanoseconds)
        log(context.logger, method: method, handled: handled, served: served, nanoseconds: nanoseconds)
        return Response(status: served.status, headers: served.headers, body: ResponseBody(byteBuffer: served.body))
    }

    /// Lets the fast path serve this response to the next plain GET of the same target: only a
    /// public GET (no token needed) answered 200, whose query names only what the route reads
    /// (so junk parameters cannot fill the table).
    private func register(
        _ served: ServedResponse,
        handled: RequestHandler.Handled,
        request: ServerRequest,
        target: String?
    ) {
        guard request.method == "GET", served.status == .ok, let validity = handled.answer.validity, let target,
            handler.authorizer.tokens == nil || handled.route.isPublic,
            Set(request.query.map(\.0)).count == request.query.count,
            request.query.allSatisfy({ handled.route.queryNames.contains($0.0) })
        else { return }
        handler.hot.register(target: target, served: served, route: handled.route, isCurrent: validity.isCurrent)
    }

    /// One line per request: method, route template, status, duration, bytes, the request id
    /// (in the logger's metadata), the token's name and the tenant hash's first 8 characters.
    private func log(
        _ logger: Logger,
        method: String,
        handled: RequestHandler.Handled,
        served: ServedResponse,
        nanoseconds: Int64
    ) {
        var metadata: Logger.Metadata = [
            "method": .string(method),
            "route": .string(handled.route.template),
            "status": .stringConvertible(served.status.code),
            "duration_ms": .string(String(Double(nanoseconds / 1000) / 1000)),
            "bytes": .stringConvertible(served.body.readableBytes),
        ]
        if let holder = handled.holder { metadata["token"] = .string(holder) }
        if let tenant = handled.route.tenantHash { metadata["tenant"] = .string(String(tenant.prefix(8))) }
        logger.info("request", metadata: metadata)
    }
}
