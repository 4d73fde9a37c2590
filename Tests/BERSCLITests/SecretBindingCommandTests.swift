import BERSJSON
import BERSTestSupport
import Foundation
import Testing

/// Rotation of the layers every environment reads, resolution of a custom environment's
/// inherited values, and tenant values opened by `tenant get`.
extension SecretCommandTests {
    /// The resolved value of `path` for `env`, revealed, with the keys of `keyFile`.
    func revealed(_ config: String, env: String, path: String, keyFile: String) throws -> (Int32, JSONValue?, String) {
        let result = try CLIRunner.run([
            "resolve", "--config-dir", config, "--env", env, "--key-file", keyFile, "--reveal", path, "--no-validate",
        ])
        let value = try? JSONValue(parsing: result.stdout)
        return (result.status, value?[pointer: JSONPointer(dottedPath: path)], result.stderr)
    }

    @Test func rotateReencryptsTheSharedLayersValuesOfTheEnvironmentOnly() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let old = try keygen(directory, name: "old.key")
        let new = try keygen(directory, name: "new.key")
        let production = try encrypt("prod-pass", env: "production", keyFile: old.path)
        let staging = try encrypt("stage-pass", env: "staging", keyFile: old.path)
        let local = try encrypt("prod-local", env: "production", keyFile: old.path)
        let config = directory.path + "/config"
        let defaults = "{\n  \"db\": {\"password\": \"\(production)\"},\n  \"stage\": \"\(staging)\"\n}\n"
        try directory.write("config/default.json", defaults)
        try directory.write("config/production.json", #"{"stage": "prod-plain"}"#)
        try directory.write("config/staging.json", #"{"db": {"password": "stage-db"}}"#)
        try directory.write("config/local.yaml", "token: \(local)\n")
        let result = try CLIRunner.run([
            "secret", "rotate", "--config-dir", config, "--env", "production", "--new-key-file", new.path,
            "--key-file", old.path,
        ])
        #expect(result.status == 0)
        #expect(result.stdout.contains("rotated 1 values in \(config)/default.json (backup "))
        #expect(result.stdout.contains("rotated 1 values in \(config)/local.yaml (backup "))
        #expect(result.stderr.contains("left 1 values of other environments in \(config)/default.json"))
        #expect(result.stderr.contains("default.json:3:13 (key \(old.id), sealed for staging)"))
        let rotated = try contents(config + "/default.json")
        #expect(rotated.contains(staging))
        #expect(!rotated.contains(production))
        // The new key alone opens production; staging's value still opens with the old key.
        let (status, password, stderr) = try revealed(config, env: "production", path: "db.password", keyFile: new.path)
        #expect(status == 0, "\(stderr)")
        #expect(password == "prod-pass")
        #expect(try revealed(config, env: "production", path: "token", keyFile: new.path).1 == "prod-local")
        #expect(try revealed(config, env: "production", path: "stage", keyFile: new.path).1 == "prod-plain")
        // local.yaml is above staging.json: on a staging machine it holds no production value.
        try FileManager.default.removeItem(atPath: config + "/local.yaml")
        let staged = try revealed(config, env: "staging", path: "stage", keyFile: old.path)
        #expect(staged.1 == "stage-pass", "\(staged.2)")
    }

    @Test func rotateRefusesASharedValueThatOpensForNoEnvironment() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let old = try keygen(directory, name: "old.key")
        let new = try keygen(directory, name: "new.key")
        let stray = try encrypt("x", env: "nowhere", keyFile: old.path)
        let text = "{\"a\": 1,\n \"b\": \"\(stray)\"}\n"
        try directory.write("config/default.json", text)
        try directory.write("config/production.json", "{}")
        let result = try CLIRunner.run([
            "secret", "rotate", "--config-dir", directory.path + "/config", "--env", "production",
            "--new-key-file", new.path, "--key-file", old.path,
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("default.json:2:8"))
        #expect(result.stderr.contains(old.id))
        #expect(result.stderr.contains("nor for another environment"))
        #expect(result.stderr.contains("default.json: /b: the value sealed with key \(old.id)"))
        #expect(try contents(directory.path + "/config/default.json") == text)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path + "/config").count == 2)
    }

    @Test func rotateRefusesAnEnvironmentTheProjectDoesNotHave() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let old = try keygen(directory, name: "old.key")
        let new = try keygen(directory, name: "new.key")
        let text = #"{"db": {"password": "\#(try encrypt("stage-pass", env: "staging", keyFile: old.path))"}}"#
        try directory.write("config/default.json", text)
        let result = try CLIRunner.run([
            "secret", "rotate", "--config-dir", directory.path + "/config", "--env", "stagin",
            "--new-key-file", new.path, "--key-file", old.path,
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown environment \"stagin\""))
        #expect(result.stderr.contains("did you mean staging?"))
        #expect(result.stdout.isEmpty)
        #expect(try contents(directory.path + "/config/default.json") == text)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path + "/config").count == 1)
    }

    @Test func rotateReencryptsTheLayersOfTheEnvironmentsInheritedFrom() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let old = try keygen(directory, name: "old.key")
        let new = try keygen(directory, name: "new.key")
        let config = directory.path + "/config"
        let production = try encrypt("prod-pass", env: "production", keyFile: old.path)
        try directory.write("config/bers.json", #"{"environments": {"qa": {"inherits": "staging"}}}"#)
        try directory.write("config/default.json", #"{"db": {"password": "\#(production)"}}"#)
        let stage = try encrypt("stage-pass", env: "staging", keyFile: old.path)
        try directory.write("config/staging.json", #"{"db": {"password": "\#(stage)"}}"#)
        let token = try encrypt("qa-token", env: "qa", keyFile: old.path)
        try directory.write("config/qa.yaml", "token: \(token)\n")
        let result = try CLIRunner.run([
            "secret", "rotate", "--config-dir", config, "--env", "qa", "--new-key-file", new.path,
            "--key-file", old.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines.first == "no encrypted values of qa in \(config)/default.json")
        #expect(lines.dropFirst().first?.hasPrefix("rotated 1 values in \(config)/staging.json (backup ") == true)
        #expect(lines.last?.hasPrefix("rotated 1 values in \(config)/qa.yaml (backup ") == true)
        #expect(result.stderr.contains("left 1 values of other environments in \(config)/default.json"))
        #expect(try contents(config + "/default.json").contains(production))
        // The new key alone opens what qa reads, and staging's value still opens for staging.
        let (status, password, stderr) = try revealed(config, env: "qa", path: "db.password", keyFile: new.path)
        #expect(status == 0, "\(stderr)")
        #expect(password == "stage-pass")
        #expect(try revealed(config, env: "qa", path: "token", keyFile: new.path).1 == "qa-token")
        #expect(try revealed(config, env: "staging", path: "db.password", keyFile: new.path).1 == "stage-pass")
    }

    @Test func rotateRefusesALayerWithSeveralFiles() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let old = try keygen(directory, name: "old.key")
        let new = try keygen(directory, name: "new.key")
        let config = directory.path + "/config"
        let files = [
            "default.json": #"{"db": {"password": "\#(try encrypt("p", env: "production", keyFile: old.path))"}}"#,
            "default.yaml": "db:\n  host: db\n",
            "production.json": #"{"token": "\#(try encrypt("t", env: "production", keyFile: old.path))"}"#,
        ]
        for (name, text) in files { try directory.write("config/" + name, text) }
        let result = try CLIRunner.run([
            "secret", "rotate", "--config-dir", config, "--env", "production", "--new-key-file", new.path,
            "--key-file", old.path,
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("layer default has several files"))
        #expect(result.stderr.contains("default.json, default.yaml"))
        #expect(result.stdout.isEmpty)
        for (name, text) in files { #expect(try contents(config + "/" + name) == text) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: config).count == files.count)
    }

    @Test func aCustomEnvironmentOpensTheValuesItInheritsAndSkipsOverriddenOnes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let key = try keygen(directory)
        let config = directory.path + "/config"
        try directory.write("config/bers.json", #"{"environments": {"qa": {"inherits": "staging"}}}"#)
        try directory.write(
            "config/default.json",
            #"{"db": {"password": "\#(try encrypt("prod-pass", env: "production", keyFile: key.path))"}}"#
        )
        try directory.write(
            "config/staging.json",
            #"{"db": {"password": "\#(try encrypt("stage-pass", env: "staging", keyFile: key.path))"}}"#
        )
        let (status, password, stderr) = try revealed(config, env: "qa", path: "db.password", keyFile: key.path)
        #expect(status == 0, "\(stderr)")
        #expect(password == "stage-pass")
        #expect(try revealed(config, env: "staging", path: "db.password", keyFile: key.path).1 == "stage-pass")
        let development = try revealed(config, env: "development", path: "db.password", keyFile: key.path)
        #expect(development.0 == 2)
        #expect(
            development.2.contains("/db/password: the value sealed with key \(key.id) does not open for development")
        )
    }

    @Test func tenantGetOpensTheTenantsValuesWithTheKeys() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let key = try keygen(directory)
        let config = directory.path + "/config"
        try directory.write("config/bers.json", #"{"tenants": {"overridable": ["note"]}}"#)
        try directory.write("config/default.json", #"{"note": "n"}"#)
        try directory.write("tenants/mappings/my87674d777bf9.json", #"{"tenant_id": "MYR384719"}"#)
        func run(tenant: String) throws -> ExternalTool.Result {
            let sealed = try encrypt("tenant-note", env: "production", keyFile: key.path, tenant: tenant)
            try directory.write(
                "tenants/tenants/MYR384719/MYR384719-config.json",
                #"{"config_overrides": {"note": "\#(sealed)"}}"#
            )
            return try CLIRunner.run([
                "tenant", "get", "my87674d777bf9", "--config-dir", config, "--store",
                "file://" + directory.path + "/tenants",
                "--env", "production", "--key-file", key.path, "--json",
            ])
        }
        let opened = try run(tenant: "my87674d777bf9")
        #expect(opened.status == 0, "\(opened.stderr)")
        #expect(!opened.stdout.contains("enc:v1:"))
        #expect(opened.stdout.contains("<redacted>"))
        let other = try run(tenant: "AUS123957")
        #expect(other.status == 2)
        #expect(other.stderr.contains("/note: "))
        #expect(other.stderr.contains("MYR384719-config.json"))
    }
}
