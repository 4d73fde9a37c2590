import BERSJSON
import BERSTestSupport
import Foundation
import Testing

/// The edges of failing loudly: names in the wrong case, typos in bers.json and URLs, links,
/// usage errors, and commands outside the usual path.
@Suite(.enabled(if: CLIRunner.isAvailable, "the bers executable was not built"))
struct FailLoudlyEdgeTests {
    @Test func aNameInTheWrongCaseGetsADidYouMean() throws {
        let result = try CLIRunner.run(
            ["resolve", "--config-dir", picasso, "--hostname", "h"],
            environment: ["BERS_ENV": "Staging"]
        )
        #expect(result.status == 0)
        #expect(
            result.stderr.hasPrefix(
                "warning: env-variable BERS_ENV=Staging ignored: \"Staging\" is not a valid environment name (known: development, staging, production; did you mean staging?)"
            )
        )
        let explicit = try CLIRunner.run(["resolve", "--config-dir", picasso, "--env", "Prod"])
        #expect(explicit.status == 2)
        #expect(explicit.stderr.contains("did you mean production?"))
    }

    @Test func aTypoInTheEnvironmentKeyOfBersJSONIsALocatedError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("bers.json", #"{"environment": "stagin"}"#)
        try directory.write("default.json", "{}")
        let result = try CLIRunner.run(["resolve", "--config-dir", directory.path])
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "error: \(directory.path)/bers.json:1:17: /environment: unknown environment \"stagin\" (known: development, staging, production; did you mean staging?)\n"
        )
    }

    @Test func aMisspeltURLParameterWarnsEvenWithAnAllowListAndNeverStopsStrictDetection() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write(
            "bers.json",
            #"{"detection": {"strict": true, "url-parameter": {"allow": ["development", "staging"]}}}"#
        )
        try directory.write("default.json", "{}")
        let typo = try CLIRunner.run([
            "detect", "--config-dir", directory.path, "--hostname", "h", "--url", "https://x/?bers-env=stagin",
        ])
        #expect(typo.status == 0, "\(typo.stderr)")
        #expect(typo.stderr.contains("warning: url-parameter bers-env=stagin ignored: unknown environment"))
        #expect(typo.stderr.contains("did you mean staging?"))
        let refused = try CLIRunner.run([
            "detect", "--config-dir", directory.path, "--hostname", "h", "--url", "https://x/?bers-env=production",
        ])
        #expect(refused.status == 0)
        #expect(refused.stderr.isEmpty)
        #expect(refused.stdout.contains("refused   url-parameter"))
        let pinned = try CLIRunner.run([
            "detect", "--config-dir", directory.path, "--hostname", "h", "--build-context", "production", "--json",
            "--url", "https://x/?bers-env=a&bers-env=b",
        ])
        #expect(pinned.status == 0, "\(pinned.stderr)")
        #expect(try JSONValue(parsing: pinned.stdout)["trace"]?[3]?["outcome"] == "refused")
    }

    @Test func tenantGetWithoutLayerFilesIsAnError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("production.json", "{}")
        let store = SharedFixtures.packageRoot.appendingPathComponent("Examples/picasso/tenants").path
        let result = try CLIRunner.run([
            "tenant", "get", "de113d6b3e07e5", "--env", "staging", "--config-dir", directory.path, "--store",
            "file://" + store, "--json",
        ])
        #expect(result.status == 2)
        #expect(try JSONValue(parsing: result.stdout)["error"]?["code"] == "config.no-configuration")
    }

    @Test func checkSaysTheDirectoryCameFromTheManifest() throws {
        let workspace = try Self.picassoCopy()
        defer { workspace.remove() }
        let built = try CLIRunner.run(["build", "--all", "--out", "dist", "--config-dir", "config"], in: workspace.url)
        #expect(built.status == 0, "\(built.stderr)")
        try FileManager.default.removeItem(atPath: workspace.path + "/config/development.json")
        try FileManager.default.removeItem(atPath: workspace.path + "/config/default.json")
        let check = try CLIRunner.run(["build", "--check", "dist"], in: workspace.url)
        #expect(check.status == 2)
        #expect(check.stderr.contains("no configuration for development in config"))
        #expect(check.stderr.contains("config is recorded in dist/bers-manifest.json"), "\(check.stderr)")
    }

    @Test func aLinkedConfigDirectoryFindsItsTenantStoreAndItsArtifacts() throws {
        let workspace = try Self.picassoCopy()
        defer { workspace.remove() }
        let manager = FileManager.default
        try manager.createDirectory(atPath: workspace.path + "/app", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: workspace.path + "/elsewhere", withIntermediateDirectories: true)
        try manager.createSymbolicLink(
            atPath: workspace.path + "/app/config",
            withDestinationPath: workspace.path + "/config"
        )
        try manager.createSymbolicLink(
            atPath: workspace.path + "/app/dist",
            withDestinationPath: workspace.path + "/elsewhere"
        )
        let app = workspace.url.appendingPathComponent("app")
        let list = try CLIRunner.run(["tenant", "list", "--config-dir", "config"], in: app)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.split(separator: "\n").count == 3)
        #expect(try CLIRunner.run(["build", "--all", "--out", "dist", "--config-dir", "config"], in: app).status == 0)
        let check = try CLIRunner.run(["build", "--check", "dist"], in: app)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let fromElsewhere = try CLIRunner.run(["build", "--check", workspace.path + "/elsewhere"])
        #expect(fromElsewhere.status == 0, "\(fromElsewhere.stdout)\(fromElsewhere.stderr)")
    }

    @Test func diffReportsTheWarningsOfBothSides() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("default.json", #"{"a": 1}"#)
        try directory.write("production.json", #"{"p": {"x": 1}}"#)
        let result = try CLIRunner.run(
            ["diff", "production", "staging", "--config-dir", directory.path],
            environment: ["BERS__P__X": "2", "BERS__A": "3"]
        )
        #expect(result.status == 0)
        #expect(result.stderr == "warning: BERS__P__X matches no configuration key (p.x); ignored\n")
    }

    @Test func usageErrorsSayErrorAndAreJSONWhenAsked() throws {
        let option = try CLIRunner.run(["resolve", "--bogus", "--json"])
        #expect(option.status == 2)
        #expect(option.stderr.hasPrefix("error: "))
        #expect(try JSONValue(parsing: option.stdout)["error"]?["code"] == "cli.usage")
        let id = try CLIRunner.run(["tenant", "hash", "bad id!", "--json"])
        #expect(id.status == 2)
        #expect(id.stderr.hasPrefix("error: "))
        #expect(id.stderr.contains("See 'bers tenant hash --help'"))
        #expect(try JSONValue(parsing: id.stdout)["error"]?["code"] == "cli.usage")
        let yaml = try CLIRunner.run([
            "explain", "nothing", "--config-dir", picasso, "--env", "staging", "--format", "yaml",
        ])
        #expect(yaml.status == 2)
        #expect(yaml.stdout.hasPrefix("error:\n  code: config.missing-value"))
    }

    @Test func tenantDocumentsMayBeYAMLAndSuffixesIgnoreCase() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let json = try String(
            contentsOf: SharedFixtures.packageRoot.appendingPathComponent(
                "Examples/picasso/tenants/tenants/DEMO200002/DEMO200002-config.json"
            ),
            encoding: .utf8
        )
        // JSON is YAML: the same document, read by the YAML reader.
        let yaml = try directory.write("tenant.yaml", json)
        let valid = try CLIRunner.run(["tenant", "validate", yaml.path, "--config-dir", picasso])
        #expect(valid.status == 0, "\(valid.stdout)\(valid.stderr)")
        let missing = try CLIRunner.run(["tenant", "validate", "nonexist.JSON", "--config-dir", picasso])
        #expect(missing.stderr == "error: tenant document nonexist.JSON does not exist\n")
    }

    /// A copy of the example project: `config/` and `tenants/` side by side.
    static func picassoCopy() throws -> TemporaryDirectory {
        let workspace = try TemporaryDirectory(prefix: "bers-edge")
        let example = SharedFixtures.packageRoot.appendingPathComponent("Examples/picasso")
        for name in ["config", "tenants"] {
            try FileManager.default.copyItem(
                at: example.appendingPathComponent(name),
                to: workspace.url.appendingPathComponent(name)
            )
        }
        return workspace
    }
}
