import BERS
import BERSJSON
import BERSSecrets
import BERSTestSupport
import Foundation
import Testing

/// Which context each layer's encrypted values open with, and that only values surviving the
/// merge are opened.
struct SecretBindingTests {
    let keyring: AESGCMKeyring

    init() throws {
        keyring = AESGCMKeyring(primary: try TestKeys.old())
    }

    func sealed(_ clear: String, for environment: String) throws -> String {
        try keyring.seal(clear, context: SecretContext(environment: environment)).description
    }

    /// A config directory with `files` (and `qa` inheriting staging), removed by the caller.
    func project(_ files: [String: String]) throws -> (TemporaryDirectory, ConfigProject) {
        let directory = try TemporaryDirectory(prefix: "bers-binding")
        try directory.write("config/bers.json", #"{"environments": {"qa": {"inherits": "staging"}}}"#)
        for (name, text) in files { try directory.write("config/" + name, text) }
        return (directory, try ConfigProject(directory: directory.path + "/config"))
    }

    @Test func aDescendantOpensItsAncestorsValuesWithTheAncestorsContext() throws {
        let (directory, project) = try project([
            "staging.json": #"{"db": {"password": "\#(try sealed("st-pass", for: "staging"))"}}"#,
            "qa.json": #"{"db": {"token": "\#(try sealed("qa-token", for: "qa"))"}}"#,
        ])
        defer { directory.remove() }
        let qa = try project.resolve(project.environment(named: "qa"), options: ResolveOptions(secretKeyring: keyring))
        #expect(try qa.string("db.password") == "st-pass")
        #expect(try qa.string("db.token") == "qa-token")
        #expect(qa.isSecret("db.password") && qa.isSecret("db.token"))
        #expect(qa.sealedPointers.isEmpty)
        let staging = try project.resolve(.staging, options: ResolveOptions(secretKeyring: keyring))
        #expect(try staging.string("db.password") == "st-pass")
    }

    @Test func anOverriddenValueIsNeverOpened() throws {
        let (directory, project) = try project([
            "default.json": #"{"db": {"password": "\#(try sealed("prod-pass", for: "production"))", "host": "h"}}"#,
            "staging.json": #"{"db": {"password": "staging-plain"}}"#,
            "development.json": #"{"db": {"password": "\#(try sealed("dev-pass", for: "development"))"}}"#,
        ])
        defer { directory.remove() }
        let options = ResolveOptions(secretKeyring: keyring)
        #expect(try project.resolve(.staging, options: options).string("db.password") == "staging-plain")
        #expect(try project.resolve(.development, options: options).string("db.password") == "dev-pass")
        #expect(try project.resolve(project.environment(named: "qa"), options: options).string("db.host") == "h")
        #expect(try project.resolve(.production, options: options).string("db.password") == "prod-pass")
        // The value a `--set` replaces is not opened either.
        let set = ResolveOptions(assignments: ["db.password=over"], secretKeyring: keyring)
        let staging = try project.resolve(.staging, options: set)
        #expect(try staging.string("db.password") == "over")
        #expect(staging.isSecret("db.password"))
    }

    @Test func aSurvivingValueOfAnotherEnvironmentFailsNamingPathLocationAndKey() throws {
        let (directory, project) = try project([
            "default.json": "{\n  \"db\": {\"password\": \"\(try sealed("prod-pass", for: "production"))\"}\n}\n"
        ])
        defer { directory.remove() }
        let error = #expect(throws: ConfigError.self) {
            try project.resolve(.staging, options: ResolveOptions(secretKeyring: self.keyring))
        }
        #expect(error?.code == .cannotDecrypt)
        #expect(error?.message.hasPrefix("/db/password: ") == true)
        #expect(error?.message.contains(keyring.primary.id) == true)
        #expect(error?.message.contains("does not open for staging") == true)
        #expect(error?.location?.file.hasSuffix("default.json") == true)
        #expect(error?.location?.line == 2)
        #expect(error?.location?.column == 22)
        #expect(error.map { !$0.description.contains("enc:v1:") } ?? false)
    }

    @Test func anUnknownKeyNamesThePath() throws {
        let other = AESGCMKeyring(primary: try TestKeys.new())
        let value = try other.seal("x", context: SecretContext(environment: "production"))
        let (directory, project) = try project(["production.json": #"{"api": {"keys": ["\#(value)"]}}"#])
        defer { directory.remove() }
        let error = #expect(throws: ConfigError.self) {
            try project.resolve(.production, options: ResolveOptions(secretKeyring: self.keyring))
        }
        #expect(error?.code == .unknownSecretKey)
        #expect(error?.message.hasPrefix("/api/keys/0: no loaded key has id \(other.primary.id)") == true)
    }

    @Test func withoutAKeyringValuesStaySealed() throws {
        let (directory, project) = try project([
            "staging.json": #"{"db": {"password": "\#(try sealed("st-pass", for: "staging"))"}}"#
        ])
        defer { directory.remove() }
        let qa = try project.resolve(project.environment(named: "qa"))
        #expect(qa.sealedPointers == ["/db/password"])
        #expect(qa.redactedValue() == .object(["db": .object(["password": "<redacted>"])]))
    }
}
