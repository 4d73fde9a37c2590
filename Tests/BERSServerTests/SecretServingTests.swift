import AsyncHTTPClient
import BERS
import BERSJSON
import Foundation
import Testing

/// Secrets in served configurations: `<redacted>` for every caller but a token with
/// `secrets:read` (or `admin`), whose answers are never stored or served by the fast path.
struct SecretServingTests {
    private static let canary = "cnry-served-token"

    private static func tokens() throws -> AccessTokens {
        let entries: [(String, String, [String])] = [
            ("reader", "tok-reader", ["config:read:production"]),
            ("vault", "tok-secrets", ["config:read:production", "secrets:read"]),
        ]
        let list: [JSONValue] = entries.map { name, token, scopes in
            [
                "name": .string(name), "sha256": .string(BERSDigest.sha256Hex(Array(token.utf8))),
                "scopes": .array(scopes.map(JSONValue.string)),
            ]
        }
        return try AccessTokens(document: JSONDocument(value: ["tokens": .array(list)], file: "tokens.json"))
    }

    @Test func onlyASecretsReaderGetsClearValues() async throws {
        let example = try ServedExample()
        defer { example.root.remove() }
        try example.write("token.txt", Self.canary + "\n")
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o600],
            ofItemAtPath: example.configDirectory + "/token.txt"
        )
        try example.write(
            "production.local.json",
            #"{"api": {"headers": {"Authorization": {"$secret": "file:token.txt"}}}}"#
        )
        try await RunningServer.with(example, tokens: try Self.tokens()) { server in
            func get(_ target: String, _ token: String) async throws -> RunningServer.Reply {
                try await server.request(target, headers: [("Authorization", "Bearer \(token)")])
            }
            for target in ["/v1/config/production", "/v1/config/production?provenance=true"] {
                let redacted = try await get(target, "tok-reader")
                #expect(redacted.status == 200)
                #expect(!redacted.text.contains(Self.canary))
                #expect(redacted.text.contains("<redacted>"))
            }
            let one = try await get("/v1/config/production?path=api.headers.Authorization", "tok-reader")
            let value = try #require(one.json)
            #expect(value[pointer: "/value"] == "<redacted>")
            #expect(value[pointer: "/secret"] == true)
            let clear = try await get("/v1/config/production", "tok-secrets")
            #expect(clear.status == 200)
            #expect(clear.json?[pointer: "/api/headers/Authorization"] == .string(Self.canary))
            #expect(clear.header("cache-control") == "no-store")
            // The reader still gets the redacted answer after a secrets reader asked.
            let again = try await get("/v1/config/production", "tok-reader")
            #expect(!again.text.contains(Self.canary))
        }
    }
}
