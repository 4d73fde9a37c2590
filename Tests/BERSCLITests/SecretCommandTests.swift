import BERSJSON
import BERSTestSupport
import Foundation
import Testing

@Suite(.enabled(if: CLIRunner.isAvailable, "the bers executable was not built"))
struct SecretCommandTests {
    /// Makes a key file in `directory` and returns its path and the key id printed.
    func keygen(_ directory: TemporaryDirectory, name: String = "k.key") throws -> (path: String, id: String) {
        let path = directory.path + "/" + name
        let result = try CLIRunner.run(["secret", "keygen", "--out", path])
        #expect(result.status == 0)
        let prefix = "wrote key "
        let id = String(result.stderr.dropFirst(prefix.count).prefix(16))
        #expect(result.stderr == "wrote key \(id) to \(path)\n")
        return (path, id)
    }

    func encrypt(_ value: String, env: String, keyFile: String, tenant: String? = nil) throws -> String {
        let tenantArguments = tenant.map { ["--tenant", $0] } ?? []
        let result = try CLIRunner.run(
            ["secret", "encrypt", "--env", env, "--key-file", keyFile] + tenantArguments + [value]
        )
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        return String(result.stdout.dropLast())
    }

    func contents(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    func files(in directory: TemporaryDirectory) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    @Test func keygenWritesAPrivateKeyFileAndPrintsOnlyItsId() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/prod.key"
        let result = try CLIRunner.run(["secret", "keygen", "--out", path])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect(attributes[.posixPermissions] as? Int == 0o600)
        let text = try contents(path)
        #expect(text.hasPrefix("bers-key:v1:") && text.hasSuffix("\n") && text.utf8.count == 57)
        let base64 = String(text.dropFirst("bers-key:v1:".count).dropLast())
        #expect(!result.stderr.contains(base64))
        #expect(
            result.stderr.range(of: #"^wrote key [0-9a-f]{16} to .*prod\.key\n$"#, options: .regularExpression) != nil
        )
        #expect(try files(in: directory) == ["prod.key"])
    }

    @Test func keygenRefusesToReplaceAKeyUnlessForced() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (path, _) = try keygen(directory)
        let before = try contents(path)
        let refused = try CLIRunner.run(["secret", "keygen", "--out", path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("already exists; pass --force"))
        #expect(try contents(path) == before)
        let forced = try CLIRunner.run(["secret", "keygen", "--out", path, "--force"])
        #expect(forced.status == 0)
        #expect(try contents(path) != before)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect(attributes[.posixPermissions] as? Int == 0o600)
        #expect(try files(in: directory) == ["k.key"])
        let missingFolder = try CLIRunner.run(["secret", "keygen", "--out", directory.path + "/no/such/k.key"])
        #expect(missingFolder.status == 2)
    }

    @Test func encryptPrintsOnlyTheEnvelope() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (path, id) = try keygen(directory)
        let result = try CLIRunner.run(["secret", "encrypt", "--env", "production", "--key-file", path, "pa55w0rd"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let pattern = #"^enc:v1:\#(id):[A-Za-z0-9+/]+=*\n$"#
        #expect(result.stdout.range(of: pattern, options: .regularExpression) != nil)
        #expect(!result.stdout.contains("pa55w0rd"))
        let payload = try #require(Data(base64Encoded: String(result.stdout.dropLast().split(separator: ":")[3])))
        #expect(payload.count == 12 + 8 + 16)
    }

    @Test func encryptReadsStandardInputDroppingOneNewline() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (path, id) = try keygen(directory)
        let shell = ExternalTool(url: URL(fileURLWithPath: "/bin/sh"))
        let bers = try #require(CLIRunner.executable).path
        for arguments in ["", " -"] {
            let result = try shell.run(
                ["-c", #"printf 's3cr3t\n' | "$BERS" secret encrypt --env staging\#(arguments)"#],
                environment: ["BERS": bers, "BERS_SECRET_KEY_FILE": path]
            )
            #expect(result.status == 0)
            #expect(result.stderr.isEmpty)
            #expect(result.stdout.hasPrefix("enc:v1:\(id):"))
            let payload = try #require(Data(base64Encoded: String(result.stdout.dropLast().split(separator: ":")[3])))
            #expect(payload.count == 12 + 6 + 16)
        }
    }

    @Test func encryptWithoutAKeyNamesWhereKeysComeFrom() throws {
        let result = try CLIRunner.run(["secret", "encrypt", "--env", "production", "hunter2"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        for name in ["--key-file", "BERS_SECRET_KEY_FILE", "BERS_SECRET_KEY"] { #expect(result.stderr.contains(name)) }
        #expect(!result.stderr.contains("hunter2"))
    }

    @Test func encryptWithAMalformedKeyFileNamesTheFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("bad.key", "not a key\n")
        let result = try CLIRunner.run([
            "secret", "encrypt", "--env", "production", "--key-file", file.path, "v",
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains(file.path))
        #expect(!result.stderr.contains("not a key\n"))
    }

    /// A config directory with production values sealed with `key`, and a staging layer.
    func makeConfig(_ directory: TemporaryDirectory, key: String) throws -> [String: String] {
        let password = try encrypt("pa55", env: "production", keyFile: key)
        let token = try encrypt("t0k", env: "production", keyFile: key)
        let staging = try encrypt("st", env: "staging", keyFile: key)
        let files = [
            "default.json": #"{"db": {"password": "none", "host": "db"}}"# + "\n",
            "production.json": "{\n  \"db\": {\"password\": \"\(password)\"},\n  \"x\": [1, 2]\n}\n",
            "production.local.yaml": "# local\ntoken: \(token)   # keep\n",
            "staging.json": #"{"db": {"password": "\#(staging)"}}"#,
        ]
        for (name, text) in files { try directory.write("config/" + name, text) }
        return files
    }

    @Test func rotateDryRunWritesNothing() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let old = try keygen(directory, name: "old.key")
        let new = try keygen(directory, name: "new.key")
        let files = try makeConfig(directory, key: old.path)
        let config = directory.path + "/config"
        let result = try CLIRunner.run([
            "secret", "rotate", "--config-dir", config, "--env", "production", "--new-key-file", new.path,
            "--key-file", old.path, "--dry-run",
        ])
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                no encrypted values of production in \(config)/default.json
                would rotate 1 values in \(config)/production.json (dry run: nothing written)
                would rotate 1 values in \(config)/production.local.yaml (dry run: nothing written)

                """
        )
        for (name, text) in files { #expect(try contents(config + "/" + name) == text) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: config).count == files.count)
    }

    @Test func rotateReencryptsTheEnvironmentsLayersAndBacksThemUp() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let old = try keygen(directory, name: "old.key")
        let new = try keygen(directory, name: "new.key")
        let files = try makeConfig(directory, key: old.path)
        let config = directory.path + "/config"
        let result = try CLIRunner.run(
            ["secret", "rotate", "--config-dir", config, "--env", "production", "--new-key-file", new.path],
            environment: ["BERS_SECRET_KEY_FILE": old.path]
        )
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines.first == "no encrypted values of production in \(config)/default.json")
        for (line, name) in zip(lines.dropFirst(), ["production.json", "production.local.yaml"]) {
            let path = config + "/" + name
            #expect(line.hasPrefix("rotated 1 values in \(path) (backup \(path).bak-"))
            let rotated = try contents(path)
            #expect(rotated.contains("enc:v1:\(new.id):"))
            #expect(!rotated.contains(old.id))
            #expect(rotated.utf8.count == (files[name] ?? "").utf8.count)
            let backups = try FileManager.default.contentsOfDirectory(atPath: config)
                .filter { $0.hasPrefix(name + ".bak-") }
            #expect(backups.count == 1)
            #expect(backups.first?.range(of: #"\.bak-\d{8}T\d{6}Z$"#, options: .regularExpression) != nil)
            #expect(try contents(config + "/" + (backups.first ?? "")) == files[name])
        }
        #expect(try contents(config + "/production.local.yaml").hasSuffix("   # keep\n"))
        #expect(try contents(config + "/staging.json") == files["staging.json"])
        #expect(try contents(config + "/default.json") == files["default.json"])
        // The new key alone now opens everything.
        let again = try CLIRunner.run([
            "secret", "rotate", "--config-dir", config, "--env", "production", "--new-key-file", new.path, "--dry-run",
        ])
        #expect(again.status == 0)
    }

    @Test func rotateWritesNothingWhenAValueDoesNotOpen() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let old = try keygen(directory, name: "old.key")
        let new = try keygen(directory, name: "new.key")
        var files = try makeConfig(directory, key: old.path)
        let staging = try encrypt("st", env: "staging", keyFile: old.path)
        files["production.local.yaml"] = "token: \(staging)\n"
        try directory.write("config/production.local.yaml", files["production.local.yaml"] ?? "")
        let config = directory.path + "/config"
        let result = try CLIRunner.run([
            "secret", "rotate", "--config-dir", config, "--env", "production", "--new-key-file", new.path,
            "--key-file", old.path,
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("production.local.yaml:1:8"))
        #expect(result.stderr.contains("production.local.yaml: /token: "))
        #expect(result.stderr.contains(old.id))
        #expect(result.stdout.isEmpty)
        for (name, text) in files { #expect(try contents(config + "/" + name) == text) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: config).count == files.count)
    }

    @Test func rotateATenantDocument() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let old = try keygen(directory, name: "old.key")
        let new = try keygen(directory, name: "new.key")
        _ = try makeConfig(directory, key: old.path)
        let sealed = try encrypt("tk", env: "production", keyFile: old.path, tenant: "MYR384719")
        let tenant = try directory.write("MYR384719-config.json", #"{"api_key": "\#(sealed)"}"#).path
        let arguments = [
            "secret", "rotate", "--config-dir", directory.path + "/config", "--env", "production",
            "--new-key-file", new.path, "--key-file", old.path, "--tenant-file", tenant,
        ]
        #expect(try CLIRunner.run(arguments).status == 2)
        #expect(try CLIRunner.run(arguments + ["--tenant", "AUS123957"]).status == 2)
        let result = try CLIRunner.run(arguments + ["--tenant", "MYR384719"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("rotated 1 values in \(tenant) (backup "))
        #expect(try contents(tenant).contains("enc:v1:\(new.id):"))
    }

    @Test func rotateWithoutLayerFilesForTheEnvironmentFails() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let new = try keygen(directory, name: "new.key")
        try directory.write("config/staging.json", "{}")
        let result = try CLIRunner.run([
            "secret", "rotate", "--config-dir", directory.path + "/config", "--env", "production",
            "--new-key-file", new.path,
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no layer file for production"))
    }
}
