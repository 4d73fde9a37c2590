import BERSJSON
import BERSTestSupport
import Foundation
import Testing

/// The first-hour mistakes of commands outside the resolving path: `detect` without layer files,
/// `secret encrypt --env` naming no environment of the project, and misspelled `BERS__` variables
/// under `doctor` and `serve`.
@Suite(.enabled(if: CLIRunner.isAvailable, "the bers executable was not built"))
struct FailLoudlyGapTests {
    static let misspelledOverride =
        "warning: BERS__API__TIMOUT matches no configuration key (api.timout); did you mean BERS__API__TIMEOUT (api.timeout)?; ignored\n"

    @Test func detectWithoutLayerFilesForTheEnvironmentIsNoConfiguration() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("bers.json", "{}")
        let result = try CLIRunner.run(["detect", "--config-dir", directory.path, "--hostname", "h"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr
                == "error: no configuration for production in \(directory.path): none of the layer files default, production, local, production.local exists (as .json, .yaml or .yml); \(directory.path) was given by --config-dir; pass --config-dir DIR (or set BERS_CONFIG_DIR) to read another directory\n"
        )
        let json = try CLIRunner.run(["detect", "--config-dir", directory.path, "--hostname", "h", "--json"])
        #expect(json.status == 2)
        let error = try #require(try JSONValue(parsing: json.stdout)["error"])
        #expect(error["code"] == "config.no-configuration")
        #expect(error["message"]?.stringValue?.contains("was given by --config-dir") == true)
        try directory.write("production.json", "{}")
        #expect(try CLIRunner.run(["detect", "--config-dir", directory.path, "--hostname", "h"]).status == 0)
    }

    @Test func encryptForAnEnvironmentTheProjectLacksIsAUsageError() throws {
        let workspace = try TemporaryDirectory(prefix: "bers-encrypt")
        defer { workspace.remove() }
        let key = workspace.path + "/k.key"
        #expect(try CLIRunner.run(["secret", "keygen", "--out", key]).status == 0)
        let named = try CLIRunner.run([
            "secret", "encrypt", "--env", "prod", "--key-file", key, "--config-dir", picasso, "x",
        ])
        #expect(named.status == 2)
        #expect(named.stdout.isEmpty)
        #expect(
            named.stderr
                == "error: unknown environment \"prod\" (known: development, staging, production; did you mean production?)\n"
        )
        try workspace.write("app/config/default.json", "{}")
        let app = workspace.url.appendingPathComponent("app")
        let conventional = try CLIRunner.run(["secret", "encrypt", "--env", "prod", "--key-file", key, "x"], in: app)
        #expect(conventional.status == 2)
        #expect(conventional.stderr.contains("did you mean production?"))
        let known = try CLIRunner.run(["secret", "encrypt", "--env", "production", "--key-file", key, "x"], in: app)
        #expect(known.status == 0, "\(known.stderr)")
        #expect(known.stdout.hasPrefix("enc:v1:"))
    }

    @Test func encryptWithoutAProjectSealsForAnyValidName() throws {
        let workspace = try TemporaryDirectory(prefix: "bers-encrypt")
        defer { workspace.remove() }
        let key = workspace.path + "/k.key"
        #expect(try CLIRunner.run(["secret", "keygen", "--out", key]).status == 0)
        let result = try CLIRunner.run(
            ["secret", "encrypt", "--env", "prod", "--key-file", key, "x"],
            in: workspace.url
        )
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("enc:v1:"))
        #expect(result.stderr.isEmpty)
        // A fleet host's $BERS_CONFIG_DIR (etcd, or a folder this host does not hold) is not a
        // project to check against.
        for ambient in ["etcd://127.0.0.1:1/fleet", workspace.path + "/absent"] {
            let onHost = try CLIRunner.run(
                ["secret", "encrypt", "--env", "staging", "--key-file", key, "x"],
                environment: ["BERS_CONFIG_DIR": ambient],
                in: workspace.url
            )
            #expect(onHost.status == 0, "\(ambient): \(onHost.stderr)")
            #expect(onHost.stdout.hasPrefix("enc:v1:"))
        }
    }

    @Test func doctorWarnsOfAMisspelledOverride() throws {
        let result = try CLIRunner.run(
            ["doctor", "--config-dir", picasso, "--env", "production"],
            environment: ["BERS__API__TIMOUT": "1"]
        )
        #expect(result.status == 0)
        #expect(result.stderr == Self.misspelledOverride)
        #expect(result.stdout.contains("production: security 100/100, performance 100/100: ready"))
    }

    @Test func serveWarnsOfAMisspelledOverrideAtStart() throws {
        let directory = try TemporaryDirectory(prefix: "bers-serve-override")
        defer { directory.remove() }
        // A malformed tokens file stops the server right after the configuration is resolved.
        try directory.write("tokens.json", #"{"tokens": [{"name": "ci", "sha256": "abc"}]}"#)
        let result = try CLIRunner.run(
            ["serve", "--config-dir", picasso, "--env", "staging", "--tokens", directory.path + "/tokens.json"],
            environment: ["BERS__API__TIMOUT": "1"]
        )
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(Self.misspelledOverride), "\(result.stderr)")
        #expect(result.stderr.contains("tokens.json:1:"))
    }
}
