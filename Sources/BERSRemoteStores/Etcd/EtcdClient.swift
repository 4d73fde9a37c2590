import AsyncHTTPClient
import BERS
import BERSJSON
import NIOCore
import NIOPosix

/// Requests to etcd's v3 JSON gateway (`/v3/kv/range`, `/v3/kv/txn`), each sent to the
/// preferred endpoint first and to the next when one cannot be reached (a transaction only when
/// it cannot have reached the first: a write is never sent twice).
struct EtcdClient: Sendable {
    /// The endpoints and the key prefix.
    let address: EtcdAddress
    let httpClient: HTTPClient
    let limits: RemoteStoreLimits
    let rotation: EndpointRotation

    /// A client for `address`; the caller owns `httpClient`.
    init(address: EtcdAddress, httpClient: HTTPClient, limits: RemoteStoreLimits) {
        self.address = address
        self.httpClient = httpClient
        self.limits = limits
        self.rotation = EndpointRotation(count: address.endpoints.count)
    }

    /// One page of a range read.
    struct RangePage: Sendable {
        let keyValues: [EtcdKeyValue]
        let more: Bool
        let revision: Int64
    }

    /// Reads `key`, or the keys from `key` up to `end` (exclusive): sorted by key, or newest
    /// modification first; at `revision` when it is not 0.
    func range(
        _ key: [UInt8],
        end: [UInt8]? = nil,
        keysOnly: Bool = false,
        limit: Int = 0,
        revision: Int64 = 0,
        newestFirst: Bool = false,
        maxBodySize: Int,
        context: String
    ) async throws(TenantError) -> RangePage {
        var body: JSONObject = ["key": EtcdJSON.base64(key)]
        if let end { body["range_end"] = EtcdJSON.base64(end) }
        if keysOnly { body["keys_only"] = true }
        if limit > 0 { body["limit"] = .integer(Int64(limit)) }
        if revision > 0 { body["revision"] = .string(String(revision)) }
        if newestFirst {
            body["sort_order"] = "DESCEND"
            body["sort_target"] = "MOD"
        }
        let answer = try await call("/v3/kv/range", .object(body), maxBodySize: maxBodySize, context: context)
        let keyValues = answer["kvs"]?.arrayValue?.compactMap(EtcdKeyValue.init) ?? []
        return RangePage(
            keyValues: keyValues,
            more: answer["more"]?.boolValue ?? false,
            revision: EtcdJSON.int64(answer["header"]?.objectValue?["revision"])
        )
    }

    /// Every key starting with `prefix` (values too unless `keysOnly`), page by page, and the
    /// revision of the first page (later pages are read at that revision, so the result is one
    /// consistent view; when etcd compacts that revision meanwhile, the listing starts again).
    func rangeAll(prefix: String, keysOnly: Bool, context: String) async throws(TenantError) -> (
        [EtcdKeyValue], revision: Int64
    ) {
        var attempt = 0
        while true {
            do {
                return try await rangeAllOnce(prefix: prefix, keysOnly: keysOnly, context: context)
            } catch  where error.message.contains(Self.compactedMessage) && attempt < 3 {
                attempt += 1
            }
        }
    }

    /// What etcd says when a read names a revision it compacted away.
    static let compactedMessage = "required revision has been compacted"

    private func rangeAllOnce(prefix: String, keysOnly: Bool, context: String) async throws(TenantError) -> (
        [EtcdKeyValue], revision: Int64
    ) {
        var (start, end) = EtcdJSON.range(ofPrefix: prefix)
        var all: [EtcdKeyValue] = []
        var revision: Int64 = 0
        let pageSize = keysOnly ? 1000 : 16
        // Keys are at most 1 KiB (ObjectKey), values at most the object size limit; in base64.
        let maxBody = pageSize * (2048 + (keysOnly ? 0 : limits.maxObjectSize * 4 / 3)) + 65_536
        while true {
            let page = try await range(
                start,
                end: end,
                keysOnly: keysOnly,
                limit: pageSize,
                revision: revision,
                maxBodySize: maxBody,
                context: context
            )
            if revision == 0 { revision = page.revision }
            all += page.keyValues
            guard page.more, let last = page.keyValues.last else { return (all, revision) }
            start = Array(last.key.utf8) + [0]
        }
    }

    /// Runs a transaction's `success` operations when every comparison holds.
    ///
    /// - Returns: Whether they ran, and the store's revision after the transaction.
    func transaction(
        compare: [JSONValue],
        success: [JSONValue],
        context: String
    ) async throws(TenantError) -> (succeeded: Bool, revision: Int64) {
        let body: JSONValue = ["compare": .array(compare), "success": .array(success)]
        let answer = try await call("/v3/kv/txn", body, maxBodySize: 65_536, context: context, idempotent: false)
        return (
            answer["succeeded"]?.boolValue ?? false,
            EtcdJSON.int64(answer["header"]?.objectValue?["revision"])
        )
    }

    /// The newest `mod_revision` among the keys starting with `prefix` (0 when there are none):
    /// what a watch of the prefix must have delivered.
    func newestModification(prefix: String, context: String) async throws(TenantError) -> Int64 {
        let (start, end) = EtcdJSON.range(ofPrefix: prefix)
        let page = try await range(
            start,
            end: end,
            keysOnly: true,
            limit: 1,
            newestFirst: true,
            maxBodySize: 65_536,
            context: context
        )
        return page.keyValues.first?.modRevision ?? 0
    }

    /// POSTs `body` to `path`, trying each endpoint once, the preferred one first; a request that
    /// is not `idempotent` goes to the next endpoint only when it cannot have reached this one.
    func call(
        _ path: String,
        _ body: JSONValue,
        maxBodySize: Int,
        context: String,
        idempotent: Bool = true
    ) async throws(TenantError) -> JSONObject {
        let payload = Array(body.jsonText.utf8)
        var failures: [String] = []
        var lastError: TenantError?
        for index in rotation.order {
            let endpoint = address.endpoints[index]
            do {
                let response = try await RemoteExchange.perform(
                    Self.post(path, payload, to: endpoint),
                    client: httpClient,
                    timeout: limits.timeout,
                    maxBodySize: maxBodySize,
                    context: "\(context) (\(endpoint.authority))"
                )
                rotation.answered(index)
                return try Self.answer(response, context: context)
            } catch  where error.code == .storeUnavailable || error.code == .storeTimeout {
                failures.append("\(endpoint.authority): \(error.message)")
                lastError = error
                guard idempotent || Self.neverConnected(error) else { throw error }
            }
        }
        guard let lastError, failures.count > 1 else { throw lastError ?? Self.noEndpoint(context) }
        throw TenantError(
            lastError.code,
            "\(context): no endpoint of the cluster answered:\n" + failures.joined(separator: "\n")
        )
    }

    /// A POST of the JSON `payload` to the gateway path `path` (`/v3/kv/range`) of `endpoint`.
    static func post(_ path: String, _ payload: [UInt8], to endpoint: HTTPEndpoint) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: endpoint.url(forEncodedPath: String(path.dropFirst())))
        request.method = .POST
        request.headers.add(name: "content-type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: payload))
        return request
    }

    /// Whether `error` says the connection could not be made (so the request was never sent).
    static func neverConnected(_ error: TenantError) -> Bool {
        switch error.underlying {
        case is NIOConnectionError, is IOError: true
        case let error as HTTPClientError: error == .connectTimeout
        case let error as ChannelError:
            if case .connectTimeout = error { true } else { false }
        default: false
        }
    }

    private static func noEndpoint(_ context: String) -> TenantError {
        TenantError(.invalidStore, "\(context): the store URL names no endpoint.")
    }

    /// The JSON object of a 200 answer, or the gateway's error as a ``TenantError``.
    static func answer(_ response: RemoteResponse, context: String) throws(TenantError) -> JSONObject {
        let object = (try? JSONParser(options: .init(recordPositions: false)).parse(response.body))?.value.objectValue
        guard response.status == 200 else {
            let message = EtcdJSON.reason(object?["message"]) ?? EtcdJSON.reason(object?["error"]) ?? "no message"
            let code: TenantError.Code =
                switch response.status {
                case 401, 403: .storeForbidden
                case 503: .storeUnavailable
                case 504: .storeTimeout
                default: .storeBadResponse
                }
            throw TenantError(code, "\(context): etcd answered \(response.status): \(message).")
        }
        guard let object else {
            throw TenantError(.storeBadResponse, "\(context): etcd's answer is not a JSON object.")
        }
        return object
    }
}
