import AsyncHTTPClient
import BERS
import BERSRemoteStores
import Foundation
import Testing

/// The etcd the tests use: `BERS_TEST_ETCD_ENDPOINT` (CI starts one with `Scripts/start-etcd.sh`);
/// without it, tests that need etcd are skipped.
enum EtcdServer {
    /// `BERS_TEST_ETCD_ENDPOINT`, when set: `http://127.0.0.1:PORT`.
    static let endpoint: String? = {
        let value = ProcessInfo.processInfo.environment["BERS_TEST_ETCD_ENDPOINT"] ?? ""
        return value.isEmpty ? nil : value
    }()

    /// Whether etcd is available.
    static let isAvailable = endpoint != nil

    /// The message shown for skipped tests.
    static let skipReason: Comment =
        "no etcd: run eval \"$(Scripts/start-etcd.sh)\" to set BERS_TEST_ETCD_ENDPOINT"

    /// `etcd://127.0.0.1:PORT/<a prefix no other test uses>`.
    static func uniqueURL(_ label: String) -> String {
        let authority = (endpoint ?? "http://127.0.0.1:2379").replacingOccurrences(of: "http://", with: "")
        return "etcd://\(authority)/bers-test/\(label)-\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// Puts `value` at the full key `key` straight through the gateway (as another writer would).
    static func rawPut(_ key: String, _ value: String, client: HTTPClient) async throws {
        try await raw("/v3/kv/put", body: #"{"key":"\#(base64(key))","value":"\#(base64(value))"}"#, client: client)
    }

    /// Deletes the full key `key` through the gateway.
    static func rawDelete(_ key: String, client: HTTPClient) async throws {
        try await raw("/v3/kv/deleterange", body: #"{"key":"\#(base64(key))"}"#, client: client)
    }

    /// Compacts the store's history up to its current revision.
    static func compactAll(client: HTTPClient) async throws {
        let answer = try await raw("/v3/kv/range", body: #"{"key":"AA==","limit":1}"#, client: client)
        let revision = (answer["header"] as? [String: Any])?["revision"] as? String ?? "1"
        try await raw("/v3/kv/compaction", body: #"{"revision":"\#(revision)","physical":true}"#, client: client)
    }

    @discardableResult
    private static func raw(_ path: String, body: String, client: HTTPClient) async throws -> [String: Any] {
        var request = HTTPClientRequest(url: (endpoint ?? "") + path)
        request.method = .POST
        request.body = .bytes(.init(string: body))
        let response = try await client.execute(request, timeout: .seconds(5))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return (try JSONSerialization.jsonObject(with: Data(bytes.readableBytesView)) as? [String: Any]) ?? [:]
    }

    private static func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }
}

extension EtcdServer {
    /// Puts `{}` at each full key of `puts` in one transaction.
    static func rawTransaction(puts: [String], client: HTTPClient) async throws {
        let operations = puts.map { key in
            #"{"request_put":{"key":"\#(Data(key.utf8).base64EncodedString())","value":"e30="}}"#
        }
        var request = HTTPClientRequest(url: (endpoint ?? "") + "/v3/kv/txn")
        request.method = .POST
        request.body = .bytes(.init(string: #"{"success":[\#(operations.joined(separator: ","))]}"#))
        let response = try await client.execute(request, timeout: .seconds(5))
        _ = try await response.body.collect(upTo: 1 << 20)
        #expect(response.status == .ok)
    }
}
