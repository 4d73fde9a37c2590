import AsyncHTTPClient
import BERS
import BERSJSON
import NIOCore

/// One watch of a key prefix over the gateway's streaming `POST /v3/watch`, from a revision.
struct EtcdWatchStream: Sendable {
    let client: EtcdClient
    /// The full key prefix watched (store prefix included).
    let prefix: String

    /// The largest line accepted: a message carrying one revision's changes.
    static let maxLineBytes = 64 << 20

    /// Connects to the endpoints in turn and passes each message to `receive` until `receive`
    /// returns false (then it returns), or the stream ends, fails or the task is cancelled.
    ///
    /// - Throws: ``TenantError`` when no endpoint accepts the watch or the stream breaks.
    func run(from revision: Int64, receive: (EtcdWatchMessage) async -> Bool) async throws(TenantError) {
        let (start, end) = EtcdJSON.range(ofPrefix: prefix)
        let create: JSONValue = [
            "create_request": [
                "key": EtcdJSON.base64(start), "range_end": EtcdJSON.base64(end),
                "start_revision": .string(String(revision)),
            ]
        ]
        let payload = Array(create.jsonText.utf8)
        let context = "WATCH \(ObjectKey.quote(prefix)) on \(client.address)"
        var failures: [String] = []
        for index in client.rotation.order {
            let endpoint = client.address.endpoints[index]
            let request = EtcdClient.post("/v3/watch", payload, to: endpoint)
            let response: HTTPClientResponse
            do {
                response = try await client.httpClient.execute(request, deadline: .now() + .hours(24 * 365))
            } catch {
                failures.append("\(endpoint.authority): \(RemoteExchange.reason(for: error))")
                continue
            }
            guard response.status == .ok else {
                failures.append("\(endpoint.authority): etcd answered \(response.status.code)")
                continue
            }
            client.rotation.answered(index)
            try await read(response.body, context: context, receive: receive)
            return
        }
        throw TenantError(.storeUnavailable, "\(context): no endpoint answered: \(failures.joined(separator: "; "))")
    }

    /// Splits the body into lines and hands each message on.
    private func read(
        _ body: HTTPClientResponse.Body,
        context: String,
        receive: (EtcdWatchMessage) async -> Bool
    ) async throws(TenantError) {
        var pending: [UInt8] = []
        do {
            for try await chunk in body {
                pending.append(contentsOf: chunk.readableBytesView)
                while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = Array(pending[..<newline])
                    pending.removeSubrange(...newline)
                    if let message = EtcdWatchMessage(line: line), await !receive(message) { return }
                }
                guard pending.count <= Self.maxLineBytes else {
                    throw TenantError(
                        .tooLarge,
                        "\(context): a watch message is larger than \(Self.maxLineBytes) bytes."
                    )
                }
            }
        } catch {
            throw RemoteExchange.mapTransportError(error, context: context, timeout: client.limits.timeout)
        }
        if !pending.isEmpty, let message = EtcdWatchMessage(line: pending), await !receive(message) { return }
        throw TenantError(.storeUnavailable, "\(context): etcd closed the watch stream.")
    }
}
