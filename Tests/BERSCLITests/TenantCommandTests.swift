import BERSJSON
import BERSTestSupport
import Foundation
import Testing

@Suite(.enabled(if: CLIRunner.isAvailable, "the bers executable was not built"))
struct TenantCommandTests {
    @Test(arguments: [("MYR384719", "my87674d777bf9"), ("AUS123957", "auc5b0ecb0adcb")])
    func hashReproducesTheRealRecipe(_ id: String, _ hash: String) throws {
        let result = try CLIRunner.run(["tenant", "hash", id])
        #expect(result.status == 0)
        #expect(result.stdout == hash + "\n")
    }

    @Test func hashWithAnotherSaltOrShape() throws {
        #expect(try CLIRunner.run(["tenant", "hash", "BRI071351", "--shape", "hex14"]).stdout == "8b464847ae0ede\n")
        #expect(try CLIRunner.run(["tenant", "hash", "MYR384719", "--salt", "other"]).stdout != "my87674d777bf9\n")
        #expect(try CLIRunner.run(["tenant", "hash", "../etc"]).status == 2)
    }

    @Test func listAndGetReadTheExampleStore() throws {
        let list = try CLIRunner.run(["tenant", "list", "--config-dir", picasso])
        #expect(list.stdout == "de113d6b3e07e5  DEMO300003\nde613253a8fd66  DEMO100001\ndeace9779fcea6  DEMO200002\n")
        let get = try CLIRunner.run([
            "tenant", "get", "de613253a8fd66", "--config-dir", picasso, "--env", "staging", "--json",
        ])
        #expect(get.status == 0)
        let value = try JSONValue(parsing: get.stdout)
        #expect(value["tenant_id"] == "DEMO100001")
        #expect(value["source"] == "store")
        #expect(value["tenant"]?["chat_title"] == "Harbor Lights Mentoring")
        #expect(value["configuration"]?["environment"] == "staging")
    }

    @Test func getOfAMissingTenantServesTheFallback() throws {
        let result = try CLIRunner.run([
            "tenant", "get", "aa0000000000ff", "--config-dir", picasso, "--env", "production",
        ])
        #expect(result.status == 0)
        #expect(try JSONValue(parsing: result.stdout)["metadata"]?["source"] == "fallback")
        #expect(result.stderr.contains("serving the fallback document"))
    }

    @Test func getOfAMissingTenantWithoutAFallbackIsNotFound() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("default.json", "{}")
        let store = "file://" + SharedFixtures.packageRoot.appendingPathComponent("Examples/picasso/tenants").path
        let result = try CLIRunner.run([
            "tenant", "get", "aa0000000000ff", "--config-dir", directory.path, "--store", store, "--env", "production",
            "--json",
        ])
        #expect(result.status == 2)
        #expect(try JSONValue(parsing: result.stdout)["error"]?["code"] == "tenant.not-found")
    }

    @Test(arguments: ["../../etc/passwd", "MY87674D777BF9", "%2e%2e", "a b"])
    func invalidHashesAreRefusedBeforeAnyIO(_ hash: String) throws {
        let result = try CLIRunner.run([
            "tenant", "get", hash, "--config-dir", picasso, "--env", "production", "--store", "file:///nonexistent",
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is not a tenant hash"))
    }

    @Test(.enabled(if: SharedFixtures.isAvailable, SharedFixtures.skipReason))
    func validateReportsTheKnownProblemsOfTheRealTenants() throws {
        let shared = try #require(SharedFixtures.root).path
        let myr = try CLIRunner.run([
            "tenant", "validate", "\(shared)/fixtures/picasso/tenants/MYR384719-config.json", "--config-dir", picasso,
            "--json",
        ])
        #expect(myr.status == 1)
        let report = try JSONValue(parsing: myr.stdout)
        #expect(
            report["errors"]?.arrayValue?.compactMap { $0["code"]?.stringValue } == [
                "tenant.unknown-cta", "tenant.unknown-form",
            ]
        )
        let aus = try CLIRunner.run([
            "tenant", "validate", "\(shared)/fixtures/picasso/tenants/AUS123957-config.json", "--config-dir", picasso,
        ])
        #expect(aus.status == 1)
        #expect(aus.stdout.contains("required property \"subscription_tier\" is missing"))
        let valid = try CLIRunner.run(["tenant", "validate", "de613253a8fd66", "--config-dir", picasso])
        #expect(valid.status == 0)
    }

    @Test func putValidatesBacksUpAndWritesAtomically() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = "file://" + directory.path
        let first = try directory.write(
            "v1.json",
            #"{"tenant_id": "DEMO200002", "tenant_hash": "deace9779fcea6", "subscription_tier": "Free", "chat_title": "One", "tone_prompt": "x", "welcome_message": "Hi", "version": "1.0", "generated_at": 1}"#
        )
        let second = try directory.write(
            "v2.json",
            #"{"tenant_id": "DEMO200002", "tenant_hash": "deace9779fcea6", "subscription_tier": "Free", "chat_title": "Two", "tone_prompt": "x", "welcome_message": "Hi", "version": "1.0", "generated_at": 2}"#
        )
        let invalid = try directory.write(
            "bad.json",
            #"{"tenant_id": "DEMO200002", "tenant_hash": "deace9779fcea6", "chat_title": "Three"}"#
        )
        let put1 = try CLIRunner.run(["tenant", "put", first.path, "--store", store, "--config-dir", picasso])
        #expect(put1.status == 0)
        #expect(put1.stdout.contains("wrote mappings/deace9779fcea6.json"))
        let put2 = try CLIRunner.run(["tenant", "put", second.path, "--store", store, "--config-dir", picasso])
        #expect(put2.status == 0)
        #expect(put2.stdout.contains("kept the previous version as tenants/DEMO200002/DEMO200002-"))
        let refused = try CLIRunner.run(["tenant", "put", invalid.path, "--store", store, "--config-dir", picasso])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("subscription_tier"))
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path + "/tenants/DEMO200002").sorted()
        #expect(files.count == 2)
        let current = try String(
            contentsOfFile: directory.path + "/tenants/DEMO200002/DEMO200002-config.json",
            encoding: .utf8
        )
        #expect(current.contains("\"Two\""))
        let get = try CLIRunner.run([
            "tenant", "get", "deace9779fcea6", "--store", store, "--config-dir", picasso, "--env", "production",
        ])
        #expect(try JSONValue(parsing: get.stdout)["chat_title"] == "Two")
    }

    @Test func putForceWritesAnInvalidDocumentAndSaysSo() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = "file://" + directory.path
        let invalid = try directory.write(
            "bad.json",
            #"{"tenant_id": "DEMO200002", "tenant_hash": "deace9779fcea6", "chat_title": "Forced"}"#
        )
        let forced = try CLIRunner.run([
            "tenant", "put", invalid.path, "--store", store, "--config-dir", picasso, "--force",
        ])
        #expect(forced.status == 0)
        #expect(forced.stderr.contains("--force wrote a document with"))
        #expect(forced.stderr.contains("subscription_tier"))
        let written = try String(
            contentsOfFile: directory.path + "/tenants/DEMO200002/DEMO200002-config.json",
            encoding: .utf8
        )
        #expect(written.contains("Forced"))
    }

    @Test func missingStoreIsAnError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("default.json", "{}")
        let result = try CLIRunner.run(["tenant", "list", "--config-dir", directory.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no tenant store"))
    }
}
