import BERSJSON
import BERSTestSupport
import Foundation
import Testing

/// `bers` has no network stack (it starts in milliseconds); commands on `s3://` and `http(s)://`
/// stores run in `bers-net`, installed beside it.
@Suite(.enabled(if: CLIRunner.isAvailable, "the bers executable was not built"))
struct NetworkHandoverTests {
    /// A copy of `bers` alone in a fresh directory (no `bers-net` beside it).
    func lonelyBers() throws -> (ExternalTool, TemporaryDirectory) {
        let directory = try TemporaryDirectory()
        let bers = try #require(CLIRunner.executable)
        let copy = directory.url.appendingPathComponent("bers")
        try FileManager.default.copyItem(at: bers, to: copy)
        return (ExternalTool(url: copy), directory)
    }

    @Test func theBersExecutableHasNoNetworkStack() throws {
        let bers = try #require(CLIRunner.executable)
        let bytes = try Data(contentsOf: bers)
        #expect(bytes.range(of: Data("AsyncHTTPClient".utf8)) == nil)
        #expect(bytes.range(of: Data("NIOPosix".utf8)) == nil)
    }

    @Test(arguments: ["http://127.0.0.1:1/tenants", "s3://bucket/tenants"])
    func aNetworkStoreIsOpenedByBersNet(_ store: String) throws {
        let result = try CLIRunner.run(
            [
                "tenant", "get", "my87674d777bf9", "--store", store, "--config-dir", picasso, "--env", "production",
                "--json",
            ],
            environment: [
                "AWS_ENDPOINT_URL": "http://127.0.0.1:1", "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test",
            ]
        )
        #expect(result.status == 2)
        // The store's own error: the command reached the network stack in bers-net.
        let error = try JSONValue(parsing: result.stdout)["error"]
        #expect(error?["code"] == "tenant.store-unavailable")
        #expect(result.stderr.contains("cannot be reached"))
        #expect(!result.stderr.contains("missing-component"))
    }

    @Test func withoutBersNetANetworkStoreSaysWhatToInstall() throws {
        let (bers, directory) = try lonelyBers()
        defer { directory.remove() }
        let result = try bers.run(["tenant", "list", "--store", "https://127.0.0.1:1/tenants", "--json"])
        #expect(result.status == 2)
        #expect(try JSONValue(parsing: result.stdout)["error"]?["code"] == "cli.missing-component")
        #expect(result.stderr.contains("install bers-net beside bers"))
        #expect(result.stderr.contains(directory.url.appendingPathComponent("bers-net").path))
    }

    @Test func withoutBersNetLocalStoresAndCommandsWork() throws {
        let (bers, directory) = try lonelyBers()
        defer { directory.remove() }
        let list = try bers.run(["tenant", "list", "--store", "file://Examples/picasso/tenants"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("DEMO100001"))
        let resolve = try bers.run(["resolve", "--config-dir", picasso, "--env", "staging"])
        #expect(resolve.status == 0)
        #expect(try JSONValue(parsing: resolve.stdout)["environment"] == "staging")
    }
}
