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
        #expect(result.stderr.contains("only bers serve and the tenant commands that check documents"))
        #expect(result.stderr.contains("read a config directory from etcd (etcd://127.0.0.1:1/p)"))
    }

    /// A folder with no config directory, holding a copy of DEMO300003's document (which sets
    /// `config_overrides` the picasso project allows, and no project refuses).
    private static func folderWithDocument() throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        let document = SharedFixtures.packageRoot
            .appendingPathComponent("Examples/picasso/tenants/tenants/DEMO300003/DEMO300003-config.json")
        try FileManager.default.copyItem(at: document, to: folder.url.appendingPathComponent("t1.json"))
        return folder
    }

    @Test(.enabled(if: !endpoint.isEmpty, "no etcd: set BERS_TEST_ETCD_ENDPOINT (Scripts/start-etcd.sh)"))
    func tenantCommandsCheckAgainstTheConfigurationStoredInEtcd() throws {
        let url = Self.url("fleet")
        let tenants = "file://" + SharedFixtures.packageRoot.appendingPathComponent("Examples/picasso/tenants").path
        let config = SharedFixtures.packageRoot.appendingPathComponent(picasso).path
        let sync = try CLIRunner.run(["sync", "--from", tenants, "--to", url, "--config-from", config])
        #expect(sync.status == 0, "\(sync.stderr)")
        let folder = try Self.folderWithDocument()
        defer { folder.remove() }
        // --config-dir etcd://…: the project the servers read; the store defaults to the same prefix.
        let put = try CLIRunner.run(["tenant", "put", "t1.json", "--config-dir", url], in: folder.url)
        #expect(put.status == 0, "\(put.stderr)")
        #expect(!put.stderr.contains("no tenant schema"), "\(put.stderr)")
        #expect(put.stdout.contains("wrote tenants/DEMO300003/DEMO300003-config.json"))
        let validate = try CLIRunner.run(["tenant", "validate", "t1.json", "--config-dir", url], in: folder.url)
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        let get = try CLIRunner.run(
            ["tenant", "get", "de113d6b3e07e5", "--config-dir", url, "--env", "staging", "--json"],
            in: folder.url
        )
        #expect(get.status == 0, "\(get.stderr)")
        #expect(try JSONValue(parsing: get.stdout)["tenant_id"] == "DEMO300003")
        let migrate = try CLIRunner.run(
            ["tenant", "migrate", "de113d6b3e07e5", "--to", "1.5", "--dry-run", "--config-dir", url],
            in: folder.url
        )
        #expect(migrate.status == 0, "\(migrate.stderr)")
        // --store etcd://… alone, no project here: the configuration stored under that prefix.
        let fleet = try CLIRunner.run(["tenant", "put", "t1.json", "--store", url], in: folder.url)
        #expect(fleet.status == 0, "\(fleet.stderr)")
        let note = fleet.stderr.split(separator: "\n").filter { $0.contains("configuration stored in \(url)") }
        #expect(note.count == 1, "\(fleet.stderr)")
        #expect(!fleet.stderr.contains("no tenant schema"))
    }

    @Test(.enabled(if: !endpoint.isEmpty, "no etcd: set BERS_TEST_ETCD_ENDPOINT (Scripts/start-etcd.sh)"))
    func aPrefixWithoutConfigurationLeavesTheCheckAsItWas() throws {
        let url = Self.url("noconfig")
        let tenants = "file://" + SharedFixtures.packageRoot.appendingPathComponent("Examples/picasso/tenants").path
        #expect(try CLIRunner.run(["sync", "--from", tenants, "--to", url]).status == 0)
        let folder = try Self.folderWithDocument()
        defer { folder.remove() }
        // Nothing under config/: no project, so the override is refused as before.
        let put = try CLIRunner.run(["tenant", "put", "t1.json", "--store", url], in: folder.url)
        #expect(put.status == 1)
        #expect(put.stderr.contains("no tenant schema"))
        #expect((put.stdout + put.stderr).contains("tenant.override-not-allowed"))
        #expect(!put.stderr.contains("configuration stored in"))
        // Named explicitly, a prefix without configuration is an error that says how to seed it.
        let named = try CLIRunner.run(["tenant", "validate", "t1.json", "--config-dir", url], in: folder.url)
        #expect(named.status == 2)
        #expect(named.stderr.contains("holds no configuration under config/"), "\(named.stderr)")
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
