import BERSJSON
import BERSTestSupport
import Foundation
import Testing

/// The commands on `etcd://` stores (run in `bers-net`); the fleet test (`Scripts/fleet-test.py`)
/// runs three servers on one etcd.
@Suite(.enabled(if: CLIRunner.isAvailable, "the bers executable was not built"))
struct EtcdCommandTests {
    private static let endpoint = ProcessInfo.processInfo.environment["BERS_TEST_ETCD_ENDPOINT"] ?? ""

    private static func url(_ label: String) -> String {
        "etcd://" + endpoint.replacingOccurrences(of: "http://", with: "")
            + "/bers-cli-test/\(label)-\(UUID().uuidString.prefix(8).lowercased())"
    }

    @Test func anUnreachableClusterIsAStoreError() throws {
        let result = try CLIRunner.run(["tenant", "list", "--store", "etcd://127.0.0.1:1/p"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("etcd://127.0.0.1:1/p (127.0.0.1:1): the store cannot be reached"))
    }

    @Test(.enabled(if: !endpoint.isEmpty, "no etcd: set BERS_TEST_ETCD_ENDPOINT (Scripts/start-etcd.sh)"))
    func syncThenListAndGetReadTheCopy() throws {
        let url = Self.url("sync")
        let tenants = "file://" + SharedFixtures.packageRoot.appendingPathComponent("Examples/picasso/tenants").path
        let sync = try CLIRunner.run(["sync", "--from", tenants, "--to", url])
        #expect(sync.status == 0, "\(sync.stderr)")
        #expect(sync.stdout.hasSuffix("copied 6, unchanged 0, failed 0; every copy verified\n"))
        let list = try CLIRunner.run(["tenant", "list", "--store", url])
        #expect(list.stdout.contains("de613253a8fd66  DEMO100001"))
        let get = try CLIRunner.run([
            "tenant", "get", "de613253a8fd66", "--store", url, "--config-dir", picasso, "--env", "staging",
        ])
        #expect(try JSONValue(parsing: get.stdout)["chat_title"] == "Harbor Lights Mentoring")
    }

    @Test(.enabled(if: !endpoint.isEmpty, "no etcd: set BERS_TEST_ETCD_ENDPOINT (Scripts/start-etcd.sh)"))
    func migrateHistoryAndRollbackWorkOnEtcd() throws {
        let url = Self.url("migrate")
        let tenants = "file://" + SharedFixtures.packageRoot.appendingPathComponent("Examples/picasso/tenants").path
        #expect(try CLIRunner.run(["sync", "--from", tenants, "--to", url]).status == 0)
        let options = ["--store", url, "--config-dir", picasso]
        let migrate = try CLIRunner.run(["tenant", "migrate", "de113d6b3e07e5", "--to", "1.5"] + options)
        #expect(migrate.status == 0, "\(migrate.stderr)")
        #expect(migrate.stdout.contains("kept the previous version as tenants/DEMO300003/DEMO300003-"))
        let history = try CLIRunner.run(["tenant", "history", "de113d6b3e07e5"] + options)
        #expect(history.stdout.contains("current               version 1.5"))
        #expect(history.stdout.contains("version 1.4.1"))
        let rollback = try CLIRunner.run(["tenant", "rollback", "de113d6b3e07e5"] + options)
        #expect(rollback.status == 0, "\(rollback.stderr)")
        let get = try CLIRunner.run(["tenant", "get", "de113d6b3e07e5", "--env", "staging"] + options)
        #expect(try JSONValue(parsing: get.stdout)["version"] == "1.4.1")
    }

    @Test func otherCommandsSayThatOnlyServeReadsLayersFromEtcd() throws {
        let result = try CLIRunner.run(["resolve", "--config-dir", "etcd://127.0.0.1:1/p"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("only bers serve reads a config directory from etcd"))
    }

    @Test(.enabled(if: !endpoint.isEmpty, "no etcd: set BERS_TEST_ETCD_ENDPOINT (Scripts/start-etcd.sh)"))
    func servingAPrefixWithoutLayersSaysHowToSeedIt() throws {
        let url = Self.url("empty")
        let result = try CLIRunner.run(["serve", "--config-dir", url, "--port", "0"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("holds no configuration under config/"))
        #expect(result.stderr.contains("bers sync --config-from"))
    }
}
