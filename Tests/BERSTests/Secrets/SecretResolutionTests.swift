import BERS
import BERSJSON
import BERSTestSupport
import Foundation
import Testing

@Suite struct SecretResolutionTests {
    private let envelope = "enc:v1:0123456789abcdef:" + String(repeating: "QUJD", count: 12)

    @Test func aVariableReferenceIsReadAtResolveTimeAndIsSecret() throws {
        let project = try makeProject([
            "default.json": #"{"db": {"password": {"$secret": "env:DB_PASSWORD"}, "host": "h"}}"#
        ])
        let config = try project.resolve(
            .production,
            options: ResolveOptions(environmentVariables: ["DB_PASSWORD": "canary-1"])
        )
        #expect(try config.string("db.password") == "canary-1")
        #expect(config.isSecret("db.password"))
        #expect(!config.isSecret("db.host"))
        #expect(config.redactedValue() == json(#"{"db": {"password": "<redacted>", "host": "h"}}"#))
        #expect(
            config.redactedValue(revealing: ["/db/password"]) == json(#"{"db": {"password": "canary-1", "host": "h"}}"#)
        )
    }

    @Test func aURLFromATemplateNamingASecretIsSecret() throws {
        let project = try makeProject([
            "default.json": #"""
            {"db": {"password": {"$secret": "env:DB_PASSWORD"}, "host": "db.internal"},
             "endpoints": {"dbUrl": "https://{db.host}/connect?pw={db.password}&again={/db/password}",
                           "derived": "{endpoints.dbUrl}&t={tenant}", "plain": "https://{db.host}/health"}}
            """#
        ])
        let config = try project.resolve(
            .production,
            options: ResolveOptions(environmentVariables: ["DB_PASSWORD": "canary-url"])
        )
        let table = try config.endpoints()
        #expect(table.endpoint("dbUrl")?.secretPaths == ["db.password", "/db/password"])
        #expect(table.endpoint("derived")?.isSecret == true)
        #expect(table.endpoint("plain")?.isSecret == false)
        #expect(table.secretPointers == ["/endpoints/dbUrl", "/endpoints/derived"])
        let url = try table.renderedURL("dbUrl")
        #expect(url.text == "https://db.internal/connect?pw=canary-url&again=canary-url")
        #expect(url.redacted == "<redacted>")
        #expect("\(url)" == "<redacted>")
        #expect(url.shown(revealing: []) == "<redacted>")
        #expect(url.shown(revealing: ["/db/password"]) == url.text)
        #expect(url.shown(revealing: ["/db"]) == url.text)
        #expect(url.unrevealedPaths(revealing: ["/db/host"]) == ["db.password", "/db/password"])
        let derived = try table.renderedURL("derived", ["tenant": "t1"])
        #expect(derived.redacted == "<redacted>")
        #expect(try table.renderedURL("plain").redacted == "https://db.internal/health")
    }

    @Test func aTemplateErrorDoesNotRepeatASecretBaseURL() throws {
        let project = try makeProject([
            "default.json": #"""
            {"api": {"base": {"$secret": "env:API_BASE"}}, "endpoints": {"health": "{api.base}/health"}}
            """#
        ])
        let config = try project.resolve(
            .production,
            options: ResolveOptions(environmentVariables: ["API_BASE": "https://h.example/?key=canary-base"])
        )
        let error = #expect(throws: ConfigError.self) { try config.endpoints() }
        #expect(error?.code == .invalidTemplate)
        #expect(error?.message.contains("<redacted>") == true)
        #expect(error?.description.contains("canary") == false)
    }

    @Test func aMissingVariableLeavesTheValueSealed() throws {
        let project = try makeProject([
            "default.json": #"{"db": {"password": {"$secret": "env:BERS_TEST_UNSET_VARIABLE"}}}"#
        ])
        let config = try project.resolve(.production)
        #expect(config.isSealed(at: "/db/password"))
        #expect(config.diagnostics.map(\.code) == [.unresolvedSecret])
        #expect(config.diagnostics.first?.location?.line == 1)
        let error = #expect(throws: ConfigError.self) { try config.string("db.password") }
        #expect(error?.code == .sealedSecret)
    }

    @Test func aMalformedReferenceIsAnErrorAtItsPlace() throws {
        let project = try makeProject(["default.json": "{\n  \"token\": {\"$secret\": \"vault:x\"}\n}"])
        let error = #expect(throws: ConfigError.self) { try project.resolve(.production) }
        #expect(error?.code == .unresolvedSecret)
        #expect(error?.location?.line == 2)
    }

    @Test func aFileReferenceWarnsAboutLoosePermissions() throws {
        let folder = try TemporaryDirectory(prefix: "bers-secret-file")
        defer { folder.remove() }
        try folder.write("config/default.json", #"{"token": {"$secret": "file:token.txt"}}"#)
        try folder.write("config/token.txt", "canary-file\n")
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o644],
            ofItemAtPath: folder.path + "/config/token.txt"
        )
        let project = try ConfigProject(directory: folder.path + "/config")
        let config = try project.resolve(.production)
        #expect(try config.string("token") == "canary-file")
        #expect(config.diagnostics.map(\.code) == [.looseSecretPermissions])
        #expect(!config.diagnostics.contains { $0.message.contains("canary-file") })
    }

    @Test func anEncryptedValueWithoutAKeyringIsSealedAndSecret() throws {
        let project = try makeProject(["production.json": #"{"db": {"password": "\#(envelope)"}}"#])
        let config = try project.resolve(.production)
        #expect(config.isSecret("db.password"))
        #expect(config.sealedPointers == ["/db/password"])
        #expect(config.redactedValue() == json(#"{"db": {"password": "<redacted>"}}"#))
    }

    @Test func aMalformedEnvelopeIsAnErrorThatDoesNotRepeatIt() throws {
        let project = try makeProject(["production.json": "{\"p\": \"enc:v1:NOT-A-KEY:zz\"}"])
        let error = #expect(throws: ConfigError.self) { try project.resolve(.production) }
        #expect(error?.code == .invalidSecretEnvelope)
        #expect(error?.location?.column == 7)
        #expect(error.map { !$0.description.contains("NOT-A-KEY:zz") } ?? false)
    }

    @Test func aValueReplacingASecretIsSecret() throws {
        let project = try makeProject([
            "default.json": #"{"token": {"$secret": "env:TOKEN"}}"#,
            "production.json": #"{"token": "plain-over-secret"}"#,
        ])
        let config = try project.resolve(.production, options: ResolveOptions(environmentVariables: ["TOKEN": "t"]))
        #expect(config.isSecret("token"))
        let provenance = try #require(config.provenance(at: "token"))
        let shown = config.redacted(provenance)
        #expect(shown.value == "<redacted>")
        #expect(shown.overrode.allSatisfy { $0.value == "<redacted>" })
    }

    @Test func theSchemaMarksSecretsThroughOverrides() throws {
        let project = try makeProject([
            "bers.json": #"{"schema": "app.schema.json"}"#,
            "app.schema.json":
                #"{"properties": {"db": {"properties": {"password": {"type": "string", "writeOnly": true, "minLength": 12}}}}}"#,
            "default.json": #"{"db": {"password": "long-enough-password"}}"#,
        ])
        let config = try project.resolve(
            .production,
            options: ResolveOptions(environmentVariables: ["BERS__DB__PASSWORD": "canary-short"], assignments: [])
        )
        #expect(config.isSecret("db.password"))
        #expect(config.provenanceDocument().jsonText.contains("canary") == false)
        let report = try #require(
            try project.validate(
                try project.resolve(.production, options: ResolveOptions(assignments: ["db.password=short"]))
            )
        )
        #expect(!report.isValid)
        #expect(report.messages.count == 1)
        #expect(report.messages.allSatisfy { !$0.contains("short\"") && $0.contains("value (redacted)") })
    }

    @Test func failuresOfSealedValuesAreSetAside() throws {
        let project = try makeProject([
            "bers.json": #"{"schema": "app.schema.json"}"#,
            "app.schema.json": #"{"properties": {"password": {"type": "string", "pattern": "^[a-z]+$"}}}"#,
            "production.json": #"{"password": "\#(envelope)"}"#,
        ])
        let report = try #require(try project.validate(try project.resolve(.production)))
        #expect(report.isValid)
        #expect(report.unverifiedSecrets == ["/password"])
    }

    @Test func diffsAndChangeEventsSayOnlyThatASecretChanged() throws {
        let project = try makeProject([
            "default.json": #"{"token": {"$secret": "env:TOKEN_A"}, "n": 1}"#,
            "staging.json": #"{"token": {"$secret": "env:TOKEN_B"}, "n": 2}"#,
        ])
        let variables = ["TOKEN_A": "canary-a", "TOKEN_B": "canary-b"]
        let production = try project.resolve(.production, options: ResolveOptions(environmentVariables: variables))
        let staging = try project.resolve(.staging, options: ResolveOptions(environmentVariables: variables))
        let diff = ConfigDiff(from: staging, to: production)
        #expect(diff.changed.count == 2)
        #expect(diff.changed.first { $0.isSecret }?.pointer == "/token")
        #expect(!diff.jsonValue.jsonText.contains("canary"))
        let changes = ConfigurationChange.changes(from: staging, to: production)
        #expect(changes.first { $0.pointer == "/token" }?.isSecret == true)
        #expect(!changes.map(\.jsonValue.jsonText).joined().contains("canary"))
    }
}
