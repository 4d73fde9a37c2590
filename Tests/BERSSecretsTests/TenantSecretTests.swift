import BERS
import BERSJSON
import BERSSecrets
import BERSTestSupport
import Foundation
import Testing

/// Encrypted values in tenant documents: opened with the tenant's context (or the environment's)
/// when a tenant's overrides are resolved, and secret wherever they are.
struct TenantSecretTests {
    let keyring: AESGCMKeyring
    let hash = "my87674d777bf9"
    let tenantID = "MYR384719"

    init() throws {
        keyring = AESGCMKeyring(primary: try TestKeys.old())
    }

    func sealed(_ clear: String, tenant: String? = nil) throws -> String {
        try keyring.seal(clear, context: SecretContext(environment: "production", tenant: tenant)).description
    }

    /// A project allowing overrides of `db.password`, `api.token` and `note`, and a store holding
    /// one tenant whose overrides are `overrides`; removed by the caller.
    func setUp(overrides: String, extra: String = "") throws -> (TemporaryDirectory, TenantRuntime) {
        let directory = try TemporaryDirectory(prefix: "bers-tenant-secret")
        try directory.write(
            "config/bers.json",
            #"{"tenants": {"overridable": ["db.password", "api.token", "note"]}}"#
        )
        try directory.write(
            "config/default.json",
            #"{"db": {"password": "base"}, "api": {"token": "t0", "url": "u"}, "note": "n", "other": "o"}"#
        )
        try directory.write("tenants/mappings/\(hash).json", #"{"tenant_id": "\#(tenantID)"}"#)
        try directory.write(
            "tenants/tenants/\(tenantID)/\(tenantID)-config.json",
            #"{"tenant_id": "\#(tenantID)", \#(extra)"config_overrides": \#(overrides)}"#
        )
        let project = try ConfigProject(directory: directory.path + "/config")
        let runtime = try TenantRuntime(
            project: project,
            store: FileSystemTenantStore(root: directory.path + "/tenants")
        )
        return (directory, runtime)
    }

    @Test func tenantAndEnvironmentBoundOverridesOpenAndAreSecret() async throws {
        let overrides = """
            {"db": {"password": "\(try sealed("by-hash", tenant: hash))"},
             "api": {"token": "\(try sealed("by-id", tenant: tenantID))"},
             "note": "\(try sealed("by-env"))", "other": "\(try sealed("refused"))"}
            """
        let (directory, runtime) = try setUp(overrides: overrides, extra: #""api_key": "\#(try sealed("k"))", "#)
        defer { directory.remove() }
        let served = try await runtime.resolve(
            environment: .production,
            tenant: try TenantHash(hash),
            options: ResolveOptions(secretKeyring: keyring)
        )
        let configuration = served.configuration
        #expect(try configuration.string("db.password") == "by-hash")
        #expect(try configuration.string("api.token") == "by-id")
        #expect(try configuration.string("note") == "by-env")
        #expect(Set(configuration.secretPointers.map(\.description)) == ["/api/token", "/db/password", "/note"])
        let shown = configuration.redactedValue()
        #expect(shown["note"] == "<redacted>")
        #expect(shown["api"]?["url"] == "u")
        #expect(served.refusedOverrides.map(\.dottedPath) == ["other"])
        // A client allowed to read secrets gets clear values, never an envelope.
        let revealed = served.jsonValue(revealingSecrets: true)
        #expect(revealed["configuration"]?["note"] == "by-env")
        #expect(revealed["configuration"]?.jsonText.contains("enc:v1:") == false)
        // Every envelope of the tenant document is redacted when shown, refused ones too.
        let tenant = served.redactedTenant
        #expect(!tenant.jsonText.contains("enc:v1:"))
        #expect(tenant["api_key"] == "<redacted>")
        #expect(tenant["config_overrides"]?["other"] == "<redacted>")
        #expect(tenant["tenant_id"] == .string(tenantID))
    }

    @Test func withoutAKeyringTenantEnvelopesStaySealedAndRedacted() async throws {
        let (directory, runtime) = try setUp(overrides: #"{"note": "\#(try sealed("by-env"))"}"#)
        defer { directory.remove() }
        let served = try await runtime.resolve(environment: .production, tenant: try TenantHash(hash))
        #expect(served.configuration.isSealed(at: "/note"))
        #expect(served.configuration.redactedValue()["note"] == "<redacted>")
        #expect(!served.jsonValue.jsonText.contains("enc:v1:"))
    }

    @Test func anEnvelopeForAnotherTenantIsAnErrorNamingItsPath() async throws {
        let (directory, runtime) = try setUp(overrides: #"{"note": "\#(try sealed("x", tenant: "AUS123957"))"}"#)
        defer { directory.remove() }
        do {
            _ = try await runtime.resolve(
                environment: .production,
                tenant: try TenantHash(hash),
                options: ResolveOptions(secretKeyring: keyring)
            )
            Issue.record("an envelope for another tenant opened")
        } catch let error as ConfigError {
            #expect(error.code == .cannotDecrypt)
            #expect(error.message.hasPrefix("/note: "))
            #expect(error.message.contains("tenant \(tenantID)"))
            #expect(error.location?.file.hasSuffix("\(tenantID)-config.json") == true)
        }
    }
}
