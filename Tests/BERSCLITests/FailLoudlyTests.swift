import BERSJSON
import BERSTestSupport
import Foundation
import Testing

/// The first-hour mistakes: each one fails loudly, or warns, and says what to do.
@Suite(.enabled(if: CLIRunner.isAvailable, "the bers executable was not built"))
struct FailLoudlyTests {
    /// Every command that detects an environment, with the arguments it needs.
    static let detectingCommands: [[String]] = [
        ["resolve"], ["detect"], ["explain", "api.timeout"], ["url", "configUrl", "--param", "tenant=de113d6b3e07e5"],
        ["build", "--format", "json", "--out", "-"], ["tenant", "get", "de113d6b3e07e5"],
    ]

    @Test(arguments: detectingCommands)
    func aMisspeltDetectionVariableIsAWarningNamingEverything(_ command: [String]) throws {
        let result = try CLIRunner.run(
            command + ["--config-dir", picasso, "--hostname", "build-host"],
            environment: ["BERS_ENV": "stagin"]
        )
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "warning: env-variable BERS_ENV=stagin ignored: unknown environment \"stagin\" (known: development, staging, production; did you mean staging?); using production from default-fallback"
            ),
            "\(result.stderr)"
        )
    }

    @Test func aMisspeltBersEnvFileIsAWarningToo() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("default.json", #"{"a": 1}"#)
        try directory.write(".bers-env", "stagin\n")
        let result = try CLIRunner.run(["resolve", "--config-dir", directory.path, "--hostname", "h"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning: config-file .bers-env=stagin ignored: unknown environment \"stagin\""))
        #expect(result.stderr.contains("did you mean staging?); using production from default-fallback"))
    }

    @Test func strictDetectionRefusesToFallBack() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("bers.json", #"{"detection": {"strict": true}}"#)
        try directory.write("default.json", #"{"a": 1}"#)
        for command in [["resolve"], ["detect"], ["explain", "a"]] {
            let result = try CLIRunner.run(
                command + ["--config-dir", directory.path, "--hostname", "h"],
                environment: ["BERS_ENV": "stagin"]
            )
            #expect(result.status == 2)
            #expect(result.stdout.isEmpty)
            #expect(
                result.stderr
                    == "error: env-variable BERS_ENV=stagin: unknown environment \"stagin\" (known: development, staging, production; did you mean staging?); detection.strict in bers.json refuses to fall back to production from default-fallback\n"
            )
        }
        let fine = try CLIRunner.run(
            ["resolve", "--config-dir", directory.path, "--hostname", "h"],
            environment: ["BERS_ENV": "staging"]
        )
        #expect(fine.status == 0)
        #expect(fine.stderr.isEmpty)
    }

    @Test(arguments: detectingCommands)
    func anUnknownExplicitEnvironmentIsAUsageErrorEverywhere(_ command: [String]) throws {
        let result = try CLIRunner.run(command + ["--config-dir", picasso, "--env", "prod"])
        #expect(result.status == 2)
        #expect(
            result.stderr.contains(
                "error: unknown environment \"prod\" (known: development, staging, production; did you mean production?)"
            ),
            "\(result.stderr)"
        )
    }

    @Test func detectJSONOfAnUnknownEnvironmentKeepsTheTrace() throws {
        let result = try CLIRunner.run(["detect", "--config-dir", picasso, "--env", "prod", "--json"])
        #expect(result.status == 2)
        let value = try JSONValue(parsing: result.stdout)
        #expect(value["error"]?["code"] == "config.unknown-environment")
        #expect(value["detection"]?["trace"]?[0]?["value"] == "prod")
        #expect(value["detection"]?["trace"]?[0]?["outcome"] == "invalid")
    }

    @Test func anEmptyDirectoryIsAnErrorSayingHowItWasChosen() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let named = try CLIRunner.run(["resolve", "--config-dir", directory.path, "--env", "staging"])
        #expect(named.status == 2)
        #expect(named.stdout.isEmpty)
        #expect(
            named.stderr
                == "error: \(directory.path) is not a config directory: it holds no bers.json and no layer file (default.*, <env>.*, local.*); \(directory.path) was given by --config-dir; pass --config-dir DIR (or set BERS_CONFIG_DIR) to read another directory\n"
        )
        let variable = try CLIRunner.run(["detect"], environment: ["BERS_CONFIG_DIR": directory.path])
        #expect(variable.status == 2)
        #expect(variable.stderr.contains("\(directory.path) comes from $BERS_CONFIG_DIR"))
        let current = try CLIRunner.run(["resolve", "--env", "staging"], in: directory.url)
        #expect(current.status == 2)
        #expect(current.stderr.contains("the current directory is read because neither --config-dir nor"))
        try directory.write("config/notes.txt", "x")
        let conventional = try CLIRunner.run(["resolve", "--env", "staging"], in: directory.url)
        #expect(conventional.stderr.contains("./config is read because it exists"))
    }

    @Test func anEnvironmentWithoutLayerFilesIsAnError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("bers.json", "{}")
        try directory.write("staging.json", "{}")
        let result = try CLIRunner.run(["resolve", "--config-dir", directory.path, "--env", "production"])
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "error: no configuration for production in \(directory.path): none of the layer files default, production, local, production.local exists (as .json, .yaml or .yml); \(directory.path) was given by --config-dir; pass --config-dir DIR (or set BERS_CONFIG_DIR) to read another directory\n"
        )
        let json = try CLIRunner.run(["explain", "a", "--json", "--config-dir", directory.path, "--env", "production"])
        #expect(try JSONValue(parsing: json.stdout)["error"]?["code"] == "config.no-configuration")
    }

    @Test(arguments: ["nonexist.json", "some/dir", "draft.yaml"])
    func aTenantArgumentThatLooksLikeAPathIsAFile(_ target: String) throws {
        let result = try CLIRunner.run(["tenant", "validate", target, "--config-dir", picasso])
        #expect(result.status == 2)
        #expect(result.stderr == "error: tenant document \(target) does not exist\n")
    }

    @Test(arguments: [["explain", "api.timeout"], ["url", "healthCheckUrl"], ["diff", "staging", "production"]])
    func everyResolvingCommandReportsAMisspeltOverride(_ command: [String]) throws {
        let result = try CLIRunner.run(
            command + ["--config-dir", picasso] + (command[0] == "diff" ? [] : ["--env", "staging"]),
            environment: ["BERS__API__TIMOUT": "1"]
        )
        #expect(result.status == 0)
        let warning =
            "warning: BERS__API__TIMOUT matches no configuration key (api.timout); did you mean BERS__API__TIMEOUT (api.timeout)?; ignored\n"
        #expect(result.stderr == warning)
    }

    @Test func aNewKeyTheSchemaForbidsSaysSo() throws {
        let result = try CLIRunner.run([
            "resolve", "--config-dir", picasso, "--env", "staging", "--set", "api.newKey=1",
        ])
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "error: the staging configuration does not satisfy schemas/environment.schema.json (1 problem)\n/api: additional property \"newKey\" is not allowed (set by --set api.newKey; an override adds a key only where the schema allows it)\n"
        )
        let json = try CLIRunner.run([
            "resolve", "--config-dir", picasso, "--env", "staging", "--set", "api.newKey=1", "--json",
        ])
        let details = try JSONValue(parsing: json.stdout)["error"]?["details"]?.arrayValue
        #expect(details?.count == 1)
        let typed = try CLIRunner.run([
            "resolve", "--config-dir", picasso, "--env", "staging", "--set", "api.timeout=\"x\"",
        ])
        #expect(typed.status == 2)
        #expect(
            typed.stderr
                == "error: --set api.timeout: the value is not an integer; an override takes the type of the value it replaces (integer)\n"
        )
    }

    @Test(arguments: [["resolv"], ["tenant", "gett", "x"], ["detct", "--json"]])
    func aMisspeltCommandGetsADidYouMean(_ arguments: [String]) throws {
        let result = try CLIRunner.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown command \"\(arguments[arguments[0] == "tenant" ? 1 : 0])\""))
        #expect(result.stderr.contains("did you mean"))
    }

    @Test func jsonErrorsAreJSONOnStandardOutput() throws {
        let result = try CLIRunner.run([
            "explain", "api.nothing", "--config-dir", picasso, "--env", "staging", "--json",
        ])
        #expect(result.status == 2)
        let error = try #require(try JSONValue(parsing: result.stdout)["error"])
        #expect(error["code"] == "config.missing-value")
        #expect(result.stderr.hasPrefix("error: "))
        let plain = try CLIRunner.run(["resolve", "--config-dir", picasso, "--env", "qa"])
        #expect(plain.stdout.isEmpty)
    }

    @Test func aMissingManifestIsSaidOnce() throws {
        let result = try CLIRunner.run(["build", "--check", "nodir", "--config-dir", picasso])
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "error: nodir/bers-manifest.json does not exist; build the folder with bers build --all --out nodir\n"
        )
    }

    @Test func storeLocationsAreNormalized() throws {
        let result = try CLIRunner.run(["tenant", "get", "de000000000000", "--config-dir", picasso, "--env", "staging"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("file://Examples/picasso/tenants/mappings/de000000000000.json does not exist"))
        #expect(!result.stderr.contains(".."))
    }
}
