import AsyncHTTPClient
import BERS
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore
import NIOHTTP1

/// A response read whole: status, headers and body.
struct RemoteResponse: Sendable {
    var status: Int
    var headers: HTTPHeaders
    var body: [UInt8]
}

/// One request to a remote store with a deadline covering the whole exchange (head and body), a
/// size limit on successful bodies, and transport failures mapped to ``TenantError``.
enum RemoteExchange {
    /// How much of an error body is read (to find the S3 error code); the rest is dropped.
    static let errorBodyLimit = 64 * 1024

    /// Sends `request` and reads the response.
    ///
    /// - Parameters:
    ///   - request: The request, with all its headers.
    ///   - client: The HTTP client.
    ///   - timeout: The time the whole exchange may take.
    ///   - maxBodySize: The largest 2xx body accepted; larger fails with `tenant.too-large`.
    ///   - context: `GET 'key' from s3://bucket`, the start of every message.
    /// - Returns: The status, headers and body (at most ``errorBodyLimit`` bytes of a failed answer).
    /// - Throws: ``TenantError``: `tenant.store-timeout`, `tenant.store-unavailable`,
    ///   `tenant.store-bad-response`, `tenant.too-large`.
    static func perform(
        _ request: HTTPClientRequest,
        client: HTTPClient,
        timeout: Duration,
        maxBodySize: Int,
        context: String
    ) async throws(TenantError) -> RemoteResponse {
        let deadline = NIODeadline.now() + timeAmount(timeout)
        // The client's own deadline covers the head; the race below also covers the body.
        let outcome: Result<RemoteResponse, any Error>? = await withTaskGroup(
            of: Result<RemoteResponse, any Error>?.self
        ) { group in
            group.addTask {
                do {
                    let response = try await client.execute(request, deadline: deadline)
                    return .success(try await read(response, maxBodySize: maxBodySize, context: context))
                } catch {
                    return .failure(error)
                }
            }
            group.addTask {
                do {
                    try await Task.sleep(for: timeout + .milliseconds(100))
                    return nil  // the deadline passed
                } catch {
                    return .failure(CancellationError())  // the caller was cancelled
                }
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        switch outcome {
        case .success(let response):
            return response
        case .failure(let error):
            throw mapTransportError(error, context: context, timeout: timeout)
        case nil:
            throw TenantError(.storeTimeout, "\(context): the store did not answer within \(seconds(timeout)).")
        }
    }

    private static func read(
        _ response: HTTPClientResponse,
        maxBodySize: Int,
        context: String
    ) async throws -> RemoteResponse {
        let status = Int(response.status.code)
        var body: [UInt8] = []
        if (200..<300).contains(status) {
            if let length = response.headers.first(name: "content-length").flatMap({ Int($0) }), length > maxBodySize {
                throw TenantError(
                    .tooLarge,
                    "\(context): the object has \(length) bytes, more than the limit of \(maxBodySize)."
                )
            }
            for try await chunk in response.body {
                guard body.count + chunk.readableBytes <= maxBodySize else {
                    throw TenantError(
                        .tooLarge,
                        "\(context): the object is larger than the limit of \(maxBodySize) bytes."
                    )
                }
                body.append(contentsOf: chunk.readableBytesView)
            }
        } else {
            for try await chunk in response.body {
                body.append(contentsOf: chunk.readableBytesView.prefix(errorBodyLimit - body.count))
                if body.count >= errorBodyLimit { break }
            }
        }
        return RemoteResponse(status: status, headers: response.headers, body: body)
    }

    /// A transport failure as a ``TenantError``: timeouts, refused or closed connections,
    /// malformed HTTP.
    static func mapTransportError(_ error: any Error, context: String, timeout: Duration) -> TenantError {
        if let error = error as? TenantError { return error }
        let sendable: any Error & Sendable = error
        if let error = error as? HTTPClientError {
            let timeouts: [HTTPClientError] = [
                .deadlineExceeded, .readTimeout, .writeTimeout, .connectTimeout, .getConnectionFromPoolTimeout,
                .tlsHandshakeTimeout,
            ]
            if timeouts.contains(error) {
                return TenantError(
                    .storeTimeout,
                    "\(context): the store did not answer within \(seconds(timeout)).",
                    underlying: sendable
                )
            }
            let closed: [HTTPClientError] = [.remoteConnectionClosed, .alreadyShutdown, .cancelled, .uncleanShutdown]
            if closed.contains(error) {
                return TenantError(
                    .storeUnavailable,
                    "\(context): the connection to the store failed (\(error)).",
                    underlying: sendable
                )
            }
            return TenantError(
                .storeBadResponse,
                "\(context): the store's answer could not be used (\(error)).",
                underlying: sendable
            )
        }
        if error is HTTPParserError {
            return TenantError(
                .storeBadResponse,
                "\(context): the store's answer is not valid HTTP (\(error)).",
                underlying: sendable
            )
        }
        if error is NIOTooManyBytesError {
            return TenantError(.tooLarge, "\(context): the object is larger than the limit.", underlying: sendable)
        }
        if error is CancellationError {
            return TenantError(.storeUnavailable, "\(context): the request was cancelled.", underlying: sendable)
        }
        return TenantError(
            .storeUnavailable,
            "\(context): the store cannot be reached: \(reason(for: error)).",
            underlying: sendable
        )
    }

    /// What the system said about a failed connection, `Connection refused (errno 111)`, without
    /// the nested parentheses of NIO's descriptions.
    static func reason(for error: any Error) -> String {
        if let error = error as? IOError {
            return "\(String(cString: strerror(error.errnoCode))) (errno \(error.errnoCode))"
        }
        var text = String(describing: error)
        // Drop brackets that close nothing, then close those left open.
        var depth = 0
        text = String(
            text.filter { character in
                if character == "(" { depth += 1 }
                if character == ")" {
                    guard depth > 0 else { return false }
                    depth -= 1
                }
                return true
            }
        )
        return text + String(repeating: ")", count: depth)
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let milliseconds = attoseconds / 1_000_000_000_000_000
        return milliseconds == 0 ? "\(seconds) s" : "\(seconds * 1000 + milliseconds) ms"
    }
}
