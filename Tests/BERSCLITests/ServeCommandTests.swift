import BERS
import BERSJSON
import BERSTestSupport
import Foundation
import Testing

@Suite(.enabled(if: CLIRunner.isAvailable, "the bers executable was not built"))
struct ServeCommandTests {
    @Test func servesOnAFreePortLogsWithoutTenantHashesAndStopsOnSIGTERM() async throws {
        let output = try TemporaryDirectory(prefix: "bers-serve-output")
        defer { output.remove() }
        let errorFile = output.url.appendingPathComponent("stderr.txt")
        let root = SharedFixtures.packageRoot.path
        let serve = try WatchProcess(
            ["--config-dir", root + "/" + picasso, "--env", "staging", "--port", "0"],
            command: "serve",
            errorFile: errorFile
        )
        let line = try #require(await serve.waitForLine(seconds: 30) { $0.hasPrefix("listening on ") })
        let port = try #require(Int(line.split(separator: ":").last ?? ""))
        #expect(line == "listening on http://127.0.0.1:\(port)")
        let health = try LoopbackHTTP.get(port: port, path: "/healthz")
        #expect(health.status == 200)
        let config = try LoopbackHTTP.get(port: port, path: "/v1/config/staging")
        #expect(config.status == 200)
        #expect(try JSONValue(parsing: config.body)["environment"] == "staging")
        let hash = "de613253a8fd66"
        let legacy = try LoopbackHTTP.get(port: port, path: "/?action=get_config&t=\(hash)")
        #expect(legacy.status == 200)
        #expect(legacy.headers["etag"] != nil)
        let metrics = try LoopbackHTTP.get(port: port, path: "/metrics")
        #expect(metrics.body.contains("bers_config_generation"))
        #expect(metrics.body.contains(#"bers_http_requests_total{route="get_config",status="200"} 1"#))
        // A second server on the same port says why it cannot start.
        let second = try CLIRunner.run(["serve", "--config-dir", picasso, "--port", String(port)])
        #expect(second.status == 2)
        #expect(second.stderr.contains("cannot listen on 127.0.0.1:\(port)"))
        #expect(second.stdout.isEmpty)
        #expect(await serve.stop(with: SIGTERM) == 0)
        let log = serve.errorText
        #expect(log.contains("route=/v1/config/{env}") || log.contains("route=\"/v1/config/{env}\""))
        #expect(log.contains("de613253"))
        #expect(!log.contains(hash))
    }

    @Test func aMalformedTokensFileStopsTheServerAtStartWithItsLocation() throws {
        let directory = try TemporaryDirectory(prefix: "bers-serve-tokens")
        defer { directory.remove() }
        try directory.write("tokens.json", #"{"tokens": [{"name": "ci", "sha256": "abc"}]}"#)
        let result = try CLIRunner.run(["serve", "--config-dir", picasso, "--tokens", directory.path + "/tokens.json"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("tokens.json:1:"))
        #expect(result.stderr.contains("sha256"))
        #expect(result.stdout.isEmpty)
    }

    @Test func aNewTokenIsPrintedOnceWithTheEntryThatAcceptsIt() throws {
        let result = try CLIRunner.run(["token", "new", "--name", "ci", "--scope", "config:read:staging"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        let token = try #require(lines.first)
        let entry = try JSONValue(parsing: lines[1])
        #expect(entry["name"] == "ci")
        #expect(entry["sha256"] == .string(BERSDigest.sha256Hex(Array(token.utf8))))
        #expect(entry["scopes"] == ["config:read:staging"])
        #expect(!lines[1].contains(token))
    }

    @Test func anUnknownScopeIsAUsageError() throws {
        let result = try CLIRunner.run(["token", "new", "--name", "ci", "--scope", "root"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown scope \"root\""))
    }
}
