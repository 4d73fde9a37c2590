import BERSJSON
import BERSTestSupport
import Foundation
import Testing

/// A canary secret in every kind of source, run through every command and output format: it
/// never appears in stdout, stderr or a written file unless `--reveal` names its path.
@Suite(.enabled(if: CLIRunner.isAvailable, "the bers executable was not built"))
struct SecretCanaryTests {
    private static let canary = "cnry7Q"

    /// A project whose secrets all contain the canary, and the environment the CLI runs with.
    private struct Project {
        let folder: TemporaryDirectory
        let keyFile: String
        var directory: String { folder.path + "/config" }
        var environment: [String: String] {
            ["CANARY_VARIABLE": "\(canary)-variable", "BERS__DB__PASSWORD": "\(canary)-override-variable"]
        }
    }

    private func makeProject() throws -> Project {
        let folder = try TemporaryDirectory(prefix: "bers-canary")
        let keyFile = folder.path + "/production.key"
        let keygen = try CLIRunner.run(["secret", "keygen", "--out", keyFile])
        #expect(keygen.status == 0)
        let sealed = try CLIRunner.run(
            ["secret", "encrypt", "--key-file", keyFile, "--env", "production", "\(Self.canary)-encrypted"]
        )
        #expect(sealed.status == 0)
        #expect(!sealed.stderr.contains(Self.canary))
        let envelope = sealed.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(envelope.hasPrefix("enc:v1:"))
        try folder.write(
            "config/bers.json",
            #"{"schema": "app.schema.json", "build": {"formats": ["json", "dotenv", "js"]}}"#
        )
        try folder.write(
            "config/app.schema.json",
            #"""
            {"type": "object", "properties": {
              "db": {"type": "object", "properties": {"password": {"type": "string", "writeOnly": true, "minLength": 12}}},
              "yamlSecret": {"x-bers-secret": true, "type": "string", "pattern": "^[0-9]+$"}
            }}
            """#
        )
        try folder.write(
            "config/default.json",
            #"""
            {"db": {"password": "\#(Self.canary)-json-layer", "host": "db.internal"},
             "token": {"$secret": "env:CANARY_VARIABLE"},
             "fileSecret": {"$secret": "file:secret.txt"},
             "n": 1,
             "endpoints": {"dbUrl": "https://{db.host}/connect?pw={db.password}", "tokenUrl": "https://{db.host}/t/{/token}",
                           "health": "https://{db.host}/health"}}
            """#
        )
        try folder.write("config/secret.txt", "\(Self.canary)-file\n")
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o600],
            ofItemAtPath: folder.path + "/config/secret.txt"
        )
        try folder.write("config/production.yaml", "yamlSecret: \"12345\"\nsealed: \(envelope)\nn: 2\n")
        try folder.write("config/local.json", #"{"db": {"password": "\#(Self.canary)-local-layer"}}"#)
        return Project(folder: folder, keyFile: keyFile)
    }

    private func expectNoCanary(_ result: ExternalTool.Result, _ what: String) {
        #expect(!result.stdout.contains(Self.canary), "stdout of \(what)")
        #expect(!result.stderr.contains(Self.canary), "stderr of \(what)")
    }

    @Test func noCommandPrintsTheCanary() throws {
        let project = try makeProject()
        defer { project.folder.remove() }
        let base = ["--config-dir", project.directory, "--env", "production"]
        let keyed = base + ["--key-file", project.keyFile]
        let runs: [[String]] = [
            ["resolve"] + base, ["resolve"] + keyed, ["resolve", "--format", "yaml"] + keyed,
            ["resolve", "--provenance"] + keyed, ["resolve", "--set", "db.password=\(Self.canary)-set"] + keyed,
            ["resolve", "--set", "db.password=\(Self.canary)"] + keyed,  // too short: a failing validation
            ["resolve", "--set", "yamlSecret=\(Self.canary)-pattern"] + keyed,
            ["explain", "db.password"] + keyed, ["explain", "token", "--json"] + keyed,
            ["explain", "sealed"] + base, ["diff", "development", "production", "--config-dir", project.directory],
            ["diff", "development", "production", "--json", "--config-dir", project.directory],
            ["resolve", "--set", "n=\(Self.canary)"] + keyed,
            ["doctor"] + base, ["doctor", "--json"] + keyed, ["doctor", "--format", "sarif"] + keyed,
            ["doctor", "--set", "db.password=\(Self.canary)"] + keyed,
            ["url", "dbUrl"] + keyed, ["url", "dbUrl", "--format", "json"] + keyed, ["url", "tokenUrl"] + base,
            ["url", "--list"] + keyed, ["url", "dbUrl", "--set", "db.password=\(Self.canary)-set-url"] + keyed,
        ]
        for arguments in runs {
            let result = try CLIRunner.run(arguments, environment: project.environment)
            expectNoCanary(result, arguments.joined(separator: " "))
        }
    }

    @Test func validationFailuresNameTheRuleNotTheValue() throws {
        let project = try makeProject()
        defer { project.folder.remove() }
        let result = try CLIRunner.run(
            [
                "resolve", "--config-dir", project.directory, "--env", "production", "--no-env-overrides",
                "--key-file", project.keyFile, "--set", "db.password=\(Self.canary)",
            ]
        )
        #expect(result.status == 1)
        #expect(result.stderr.contains("/db/password: value (redacted) is shorter than"))
        expectNoCanary(result, "a failing validation")
    }

    @Test func revealPrintsOnlyTheNamedPath() throws {
        let project = try makeProject()
        defer { project.folder.remove() }
        let result = try CLIRunner.run(
            [
                "resolve", "--config-dir", project.directory, "--env", "production", "--key-file", project.keyFile,
                "--reveal", "sealed",
            ],
            environment: project.environment
        )
        #expect(result.status == 0)
        let value = try JSONValue(parsing: result.stdout)
        #expect(value[pointer: "/sealed"] == .string("\(Self.canary)-encrypted"))
        #expect(value[pointer: "/db/password"] == "<redacted>")
        #expect(value[pointer: "/token"] == "<redacted>")
        #expect(value[pointer: "/fileSecret"] == "<redacted>")
        #expect(value[pointer: "/yamlSecret"] == "<redacted>")
        #expect(result.stdout.components(separatedBy: Self.canary).count == 2)
    }

    @Test func revealingASealedValueWithoutItsKeyFails() throws {
        let project = try makeProject()
        defer { project.folder.remove() }
        let result = try CLIRunner.run(
            ["resolve", "--config-dir", project.directory, "--env", "production", "--reveal", "sealed"]
        )
        #expect(result.status != 0)
        #expect(result.stderr.contains("secret.sealed") || result.stderr.contains("cannot reveal sealed"))
        expectNoCanary(result, "reveal without a key")
    }

    @Test func aValueSealedForProductionDoesNotOpenInStaging() throws {
        let project = try makeProject()
        defer { project.folder.remove() }
        try project.folder.write(
            "config/staging.yaml",
            try String(contentsOfFile: project.directory + "/production.yaml", encoding: .utf8)
        )
        let result = try CLIRunner.run(
            ["resolve", "--config-dir", project.directory, "--env", "staging", "--key-file", project.keyFile]
        )
        #expect(result.status != 0)
        #expect(result.stderr.contains("cannot-decrypt") || result.stderr.contains("does not open"))
        expectNoCanary(result, "the wrong environment")
    }

    @Test func buildRefusesSecretsInArtifactsAndWritesNothing() throws {
        let project = try makeProject()
        defer { project.folder.remove() }
        let out = project.folder.path + "/dist"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let result = try CLIRunner.run(
            [
                "build", "--config-dir", project.directory, "--env", "production", "--format", "json", "--out",
                out + "/config.json",
            ],
            environment: project.environment
        )
        #expect(result.status == 1)
        #expect(result.stderr.contains("build.secret-in-artifact") || result.stderr.contains("may not carry them"))
        expectNoCanary(result, "bers build")
        let written = (FileManager.default.enumerator(atPath: out)?.allObjects as? [String]) ?? []
        #expect(written.isEmpty)
        for file in written {
            let text = (try? String(contentsOfFile: out + "/" + file, encoding: .utf8)) ?? ""
            #expect(!text.contains(Self.canary), "written file \(file)")
        }
    }

    @Test func aTenantOverrideOfASecretIsRedacted() throws {
        let folder = try TemporaryDirectory(prefix: "bers-canary-tenant")
        defer { folder.remove() }
        try folder.write(
            "config/bers.json",
            #"{"schema": "app.schema.json", "tenants": {"store": "file://../tenants", "overridable": ["db.password"]}}"#
        )
        try folder.write(
            "config/app.schema.json",
            #"{"type": "object", "properties": {"db": {"type": "object", "properties": {"password": {"type": "string", "writeOnly": true}}}}}"#
        )
        try folder.write("config/default.json", #"{"db": {"password": {"$secret": "env:CANARY_UNSET"}, "host": "h"}}"#)
        let config = folder.path + "/config"
        let hashed = try CLIRunner.run(["tenant", "hash", "CANARY0001", "--config-dir", config])
        let hash = hashed.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try folder.write("tenants/mappings/\(hash).json", #"{"tenant_id": "CANARY0001"}"#)
        try folder.write(
            "tenants/tenants/CANARY0001/CANARY0001-config.json",
            #"{"tenant_id": "CANARY0001", "tenant_hash": "\#(hash)", "config_overrides": {"db": {"password": "\#(Self.canary)-tenant-override"}}}"#
        )
        for extra in [[], ["--json"], ["--format", "yaml"]] {
            let result = try CLIRunner.run(
                ["tenant", "get", hash, "--config-dir", config, "--env", "production"] + extra
            )
            #expect(result.status == 0, "tenant get \(extra): \(result.stderr)")
            #expect(result.stdout.contains("<redacted>"))
            expectNoCanary(result, "tenant get \(extra)")
        }
    }

    @Test func aURLNamingASecretPrintsRedactedUnlessRevealed() throws {
        let project = try makeProject()
        defer { project.folder.remove() }
        let keyed = ["--config-dir", project.directory, "--env", "production", "--key-file", project.keyFile]
        let redacted = try CLIRunner.run(["url", "dbUrl"] + keyed, environment: project.environment)
        #expect(redacted.status == 0, "\(redacted.stderr)")
        #expect(redacted.stdout == "<redacted>\n")
        #expect(redacted.stderr.contains("db.password"))
        #expect(redacted.stderr.contains("--reveal db.password"))
        expectNoCanary(redacted, "url dbUrl")
        // A $secret reference is a secret without any key loaded.
        let unkeyed = try CLIRunner.run(
            ["url", "tokenUrl", "--config-dir", project.directory, "--env", "production"],
            environment: project.environment
        )
        #expect(unkeyed.stdout == "<redacted>\n")
        #expect(unkeyed.stderr.contains("--reveal /token"))
        expectNoCanary(unkeyed, "url tokenUrl")
        let structured = try CLIRunner.run(
            ["url", "dbUrl", "--format", "json"] + keyed,
            environment: project.environment
        )
        let value = try JSONValue(parsing: structured.stdout)
        #expect(value[pointer: "/url"] == "<redacted>")
        #expect(value[pointer: "/secretPaths"] == ["db.password"])
        let revealed = try CLIRunner.run(
            ["url", "dbUrl", "--reveal", "db.password"] + keyed,
            environment: project.environment
        )
        #expect(revealed.status == 0, "\(revealed.stderr)")
        #expect(revealed.stdout.hasPrefix("https://db.internal/connect?pw=\(Self.canary)"))
        #expect(!revealed.stderr.contains(Self.canary))
        let plain = try CLIRunner.run(["url", "health"] + keyed, environment: project.environment)
        #expect(plain.stdout == "https://db.internal/health\n")
        #expect(plain.stderr.isEmpty)
    }

    @Test func anArtifactRefusesAURLNamingASecretAndListsItsPath() throws {
        let project = try makeProject()
        defer { project.folder.remove() }
        let out = project.folder.path + "/dist/picasso.env"
        let result = try CLIRunner.run(
            [
                "build", "--config-dir", project.directory, "--env", "production", "--format", "dotenv", "--out",
                out,
            ],
            environment: project.environment
        )
        #expect(result.status == 1)
        #expect(result.stderr.contains("secret at endpoints.dbUrl"))
        #expect(result.stderr.contains("secret at endpoints.tokenUrl"))
        #expect(!result.stderr.contains("secret at endpoints.health"))
        expectNoCanary(result, "bers build --format dotenv")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func anArtifactAllowedSecretsListsAURLNamingOne() throws {
        let project = try makeProject()
        defer { project.folder.remove() }
        try project.folder.write(
            "config/bers.json",
            #"{"schema": "app.schema.json", "build": {"formats": ["dotenv"], "environments": ["production"], "allow-secrets": ["dotenv"]}}"#
        )
        let out = project.folder.path + "/dist"
        let result = try CLIRunner.run(
            ["build", "--config-dir", project.directory, "--all", "--out", out],
            environment: project.environment
        )
        #expect(result.status == 0, "\(result.stderr)")
        let manifest = try JSONValue(
            parsing: try String(contentsOfFile: out + "/bers-manifest.json", encoding: .utf8)
        )
        let secrets = manifest[pointer: "/environments/0/outputs/0/secrets"]?.arrayValue ?? []
        #expect(secrets.contains("/endpoints/dbUrl"))
        #expect(secrets.contains("/db/password"))
        #expect(!secrets.contains("/endpoints/health"))
    }

    @Test func aSetOfASecretIsRecordedRedactedAndCheckedAgain() throws {
        let project = try makeProject()
        defer { project.folder.remove() }
        try project.folder.write(
            "config/bers.json",
            #"{"schema": "app.schema.json", "build": {"formats": ["metadata"], "environments": ["production"]}}"#
        )
        let out = project.folder.path + "/dist"
        let keyed = ["--config-dir", project.directory]
        let secretSet = ["--set", "db.password=\(Self.canary)-set-build", "--set", "n=3"]
        let built = try CLIRunner.run(
            ["build", "--all", "--out", out] + keyed + secretSet,
            environment: project.environment
        )
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stdout.contains("db.password=<redacted>"))
        #expect(built.stdout.contains("n=3"))
        expectNoCanary(built, "bers build --set db.password=…")
        let files = (FileManager.default.enumerator(atPath: out)?.allObjects as? [String]) ?? []
        #expect(files.contains("bers-manifest.json"))
        for file in files {
            let text = (try? String(contentsOfFile: out + "/" + file, encoding: .utf8)) ?? ""
            #expect(!text.contains(Self.canary), "written file \(file)")
        }
        let manifest = try JSONValue(
            parsing: try String(contentsOfFile: out + "/bers-manifest.json", encoding: .utf8)
        )
        #expect(manifest[pointer: "/options/set"] == ["db.password=<redacted>", "n=3"])
        let json = try CLIRunner.run(
            ["build", "--all", "--out", out, "--json"] + keyed + secretSet,
            environment: project.environment
        )
        expectNoCanary(json, "bers build --json --set db.password=…")

        let checked = try CLIRunner.run(
            ["build", "--check", out] + keyed + secretSet,
            environment: project.environment
        )
        #expect(checked.status == 0, "\(checked.stdout) \(checked.stderr)")
        expectNoCanary(checked, "bers build --check --set db.password=…")
        let unset = try CLIRunner.run(["build", "--check", out] + keyed, environment: project.environment)
        #expect(unset.status != 0)
        #expect(unset.stderr.contains("build.missing-secret-assignment") || unset.stderr.contains("--set db.password"))
        expectNoCanary(unset, "bers build --check without the secret --set")
    }

    @Test func aYAMLTagErrorNamesTheTagNotTheValue() throws {
        let project = try makeProject()
        defer { project.folder.remove() }
        let base = ["--config-dir", project.directory, "--env", "production", "--key-file", project.keyFile]
        for tag in ["!!int", "!!float", "!!bool", "!!null", "!!binary", "!Ref"] {
            try project.folder.write("config/production.yaml", "n: 2\ndb:\n  password: \(tag) \(Self.canary)-tagged\n")
            for command in [["resolve"], ["explain", "n"], ["doctor", "--json"]] {
                let result = try CLIRunner.run(command + base, environment: project.environment)
                if command != ["doctor", "--json"] { #expect(result.status != 0, "\(command) with \(tag)") }
                #expect((result.stdout + result.stderr).contains(tag), "\(command) with \(tag)")
                expectNoCanary(result, "\(command.joined(separator: " ")) with a \(tag) error")
            }
        }
    }
}
