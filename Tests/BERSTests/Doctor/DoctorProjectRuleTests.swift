import BERS
import BERSJSON
import BERSTestSupport
import Foundation
import Testing

/// The project-level rules of `bers doctor`, ignore entries, and the report's formats.
@Suite struct DoctorProjectRuleTests {
    private let layer = #"{"api": {"timeout": 5}}"#

    private func report(_ settings: String, files: [String: String] = [:], env: Environment = .production) throws
        -> DoctorReport
    {
        var all = files
        all["bers.json"] = settings
        all["default.json"] = all["default.json"] ?? layer
        return try makeProject(all).doctor(env)
    }

    private func codes(_ settings: String, files: [String: String] = [:]) throws -> Set<String> {
        Set(try report(settings, files: files).activeFindings.map(\.code))
    }

    @Test func anUnrestrictedURLParameter() throws {
        #expect(try codes("{}").contains("doctor.url-parameter-unrestricted"))
        #expect(
            try !codes(#"{"detection": {"url-parameter": {"allow": ["staging"]}}}"#)
                .contains("doctor.url-parameter-unrestricted")
        )
        #expect(
            try !codes(#"{"detection": {"url-parameter": {"enabled": false}}}"#)
                .contains("doctor.url-parameter-unrestricted")
        )
    }

    @Test func detectionThatIsNotStrictIsANote() throws {
        let found = try report("{}").findings.first { $0.code == "doctor.detection-not-strict" }
        #expect(found?.severity == .note)
        #expect(try !codes(#"{"detection": {"strict": true}}"#).contains("doctor.detection-not-strict"))
    }

    @Test func overlappingHostnameRulesNameTheSharedHostAndTheWinner() throws {
        let settings =
            #"{"detection": {"hostname-pattern": {"rules": {"production": ["*.example.com"], "staging": ["api.*"]}}}}"#
        let finding = try #require(try report(settings).findings.first { $0.code == "doctor.overlapping-hostnames" })
        #expect(finding.message.contains("api.example.com"))
        #expect(finding.message.contains("giving production"))
        #expect(finding.location?.file == "config/bers.json")
        let disjoint =
            #"{"detection": {"hostname-pattern": {"rules": {"production": ["example.com", "*.prod.example.com"], "staging": ["*.staging.example.com", "192.168.*"]}}}}"#
        #expect(try !codes(disjoint).contains("doctor.overlapping-hostnames"))
    }

    @Test func overlapsOfOtherEnvironmentsAreNotThisEnvironmentsConcern() throws {
        let settings =
            #"{"detection": {"hostname-pattern": {"rules": {"development": ["*.dev.example.com"], "staging": ["api.*"]}}}}"#
        #expect(try !codes(settings).contains("doctor.overlapping-hostnames"))
    }

    @Test func aMissingSchema() throws {
        #expect(try codes("{}").contains("doctor.missing-schema"))
        let files = [
            "schemas/app.schema.json":
                #"{"type": "object", "additionalProperties": false, "properties": {"api": {"type": "object", "properties": {"timeout": {"type": "integer"}}, "additionalProperties": false}}}"#
        ]
        let found = try codes(#"{"schema": "schemas/app.schema.json"}"#, files: files)
        #expect(!found.contains("doctor.missing-schema"))
        #expect(!found.contains("doctor.open-schema"))
    }

    @Test func anOpenSchemaIsFoundAtEachObjectItLeavesOpen() throws {
        let schema = """
            {
              "type": "object",
              "additionalProperties": false,
              "properties": {
                "api": {"$ref": "#/definitions/api"},
                "endpoints": {"type": "object", "additionalProperties": {"anyOf": [{"type": "string"}, {"type": "object", "additionalProperties": false}]}}
              },
              "definitions": {"api": {"type": "object", "properties": {"timeout": {"type": "integer"}}}}
            }
            """
        let files = [
            "schemas/app.schema.json": schema,
            "default.json": #"{"api": {"timeout": 5}, "endpoints": {"a": "x", "b": {}}}"#,
        ]
        let found = try report(#"{"schema": "schemas/app.schema.json"}"#, files: files).findings
            .filter { $0.code == "doctor.open-schema" }
        #expect(found.map(\.pointer) == ["/api"])
        #expect(found.first?.location?.description == "config/schemas/app.schema.json:8:26")
    }

    @Test func validationFailuresAreErrorsWithoutTheSecretValue() throws {
        let schema =
            #"{"type": "object", "properties": {"db": {"type": "object", "properties": {"password": {"type": "string", "writeOnly": true, "minLength": 40}}}}}"#
        let files = ["schemas/app.schema.json": schema, "default.json": #"{"db": {"password": "canary-6611"}}"#]
        let found = try report(#"{"schema": "schemas/app.schema.json"}"#, files: files)
        let failure = try #require(found.findings.first { $0.code == "doctor.invalid-configuration" })
        #expect(failure.severity == .error)
        #expect(failure.pointer == "/db/password")
        #expect(!found.text.contains("canary-6611"))
        #expect(found.hasErrors)
    }

    @Test func aSaltWrittenInBersJSON() throws {
        let written = try report(#"{"tenants": {"salt": "s"}}"#).findings.first { $0.code == "doctor.plaintext-salt" }
        #expect(written?.pointer == "/tenants/salt")
        #expect(written?.severity == .warning)
        #expect(try codes(#"{"tenants": {"store": "file://tenants"}}"#).contains("doctor.plaintext-salt"))
        #expect(try !codes("{}").contains("doctor.plaintext-salt"))
    }

    @Test func corsStarInTheServeSection() throws {
        #expect(try codes(#"{"serve": {"allow-origins": ["*"]}}"#).contains("doctor.cors-wildcard"))
        #expect(try !codes(#"{"serve": {"allow-origins": ["https://app.example"]}}"#).contains("doctor.cors-wildcard"))
    }

    @Test func secretFilesWithLoosePermissionsAndMissingReferences() throws {
        let folder = try TemporaryDirectory(prefix: "bers-doctor")
        defer { folder.remove() }
        try folder.write(
            "config/default.json",
            #"{"token": {"$secret": "file:token.txt"}, "key": {"$secret": "env:BERS_DOCTOR_UNSET"}}"#
        )
        try folder.write("config/token.txt", "canary-7723\n")
        let path = folder.path + "/config/token.txt"
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        let project = try ConfigProject(directory: folder.path + "/config")
        let loose = try project.doctor(.production)
        #expect(loose.findings.first { $0.code == "doctor.loose-secret-file" }?.severity == .error)
        #expect(loose.findings.contains { $0.code == "doctor.unresolved-secret" })
        #expect(!loose.text.contains("canary-7723"))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        #expect(
            try !ConfigProject(directory: folder.path + "/config").doctor(.production).findings
                .contains {
                    $0.code == "doctor.loose-secret-file"
                }
        )
    }

    @Test func anIgnoreEntryAcceptsAFindingWithItsReason() throws {
        let settings = #"""
            {"detection": {"strict": true, "url-parameter": {"enabled": false}},
             "tenants": {"salt": "s"},
             "doctor": {"ignore": [
               {"code": "doctor.plaintext-salt", "reason": "hashes are public"},
               {"code": "doctor.insecure-url", "pointer": "/nowhere", "reason": "stale"}
             ]}}
            """#
        let found = try report(settings)
        let salt = try #require(found.findings.first { $0.code == "doctor.plaintext-salt" })
        #expect(salt.suppression == "hashes are public")
        #expect(!found.activeFindings.contains { $0.code == "doctor.plaintext-salt" })
        #expect(found.securityScore == 100)
        let unused = found.findings.filter { $0.code == "doctor.unused-ignore" }
        #expect(unused.count == 1)
        #expect(unused.first?.message.contains("/nowhere") == true)
        #expect(found.text.contains("reason: hashes are public"))
    }

    @Test(arguments: [
        (
            #"{"doctor": {"ignore": [{"code": "doctor.insecure-urls", "reason": "r"}]}}"#,
            "did you mean \"doctor.insecure-url\""
        ),
        (#"{"doctor": {"ignore": [{"code": "doctor.insecure-url"}]}}"#, "needs a \"reason\""),
        (#"{"doctor": {"ignore": {"code": "doctor.insecure-url"}}}"#, "expected an array"),
        (#"{"doctor": {"ignores": []}}"#, "unknown key \"ignores\""),
        (#"{"doctor": {"ignore": [{"code": "doctor.insecure-url", "reason": "r", "pointer": "/a~2"}]}}"#, "~"),
    ])
    func malformedDoctorSectionsAreLocatedErrors(settings: String, expected: String) throws {
        let error = #expect(throws: ConfigError.self) {
            try makeProject(["bers.json": settings, "default.json": "{}"])
        }
        #expect(error?.code == .invalidProjectFile)
        #expect(error?.message.contains(expected) == true)
        #expect(error?.location?.file == "config/bers.json")
    }

    @Test func customEnvironmentsAreJudgedAsTheirRoot() throws {
        let settings = #"{"environments": {"qa": {"inherits": "development"}, "eu": {"inherits": "production"}}}"#
        let project = try makeProject(["bers.json": settings, "default.json": #"{"u": "http://api.example.com"}"#])
        #expect(try project.doctor(project.environment(named: "qa")).stage == .development)
        let eu = try project.doctor(project.environment(named: "eu"))
        #expect(eu.stage == .production)
        #expect(eu.findings.contains { $0.code == "doctor.insecure-url" && $0.severity == .error })
    }
}
