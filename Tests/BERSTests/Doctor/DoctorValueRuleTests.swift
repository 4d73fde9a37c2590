import BERS
import BERSJSON
import Testing

/// Each value rule of `bers doctor` with a case that finds and a case that does not.
@Suite struct DoctorValueRuleTests {
    /// The codes found for production in a project of one `default.json`.
    private func codes(_ layer: String, env: Environment = .production, extra: [String: String] = [:]) throws
        -> [String]
    {
        var files = extra
        files["default.json"] = layer
        files["bers.json"] =
            files["bers.json"] ?? #"{"detection": {"url-parameter": {"enabled": false}, "strict": true}}"#
        let report = try makeProject(files).doctor(env)
        return report.activeFindings.map(\.code).filter { $0 != DoctorRule.missingSchema.code }
    }

    @Test(arguments: [
        #"{"aws": {"id": "AKIAIOSFODNN7EXAMPLE"}}"#,
        #"{"tls": {"pem": "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----"}}"#,
        #"{"auth": {"header": "Bearer abcdefghijklmnopqrstuvwxyz012345"}}"#,
        #"{"session": {"jwt": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl"}}"#,
        #"{"db": {"url": "postgres://app:pa55word@db.example.com/app"}}"#,
        #"{"github": {"ci": "ghp_abcdefghijklmnopqrstuvwxyz0123456789"}}"#,
        #"{"db": {"password": "correct-horse"}}"#,
        #"{"aws": {"secretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}}"#,
        #"{"stripe": {"api_key": "q8Zr4Lw2Xk9Vt7Mn3Pb6"}}"#,
    ])
    func credentialLikeValuesAreFound(layer: String) throws {
        #expect(try codes(layer) == ["doctor.credential-in-plain-text"])
    }

    @Test(arguments: [
        #"{"db": {"password": {"$secret": "env:BERS_DOCTOR_TEST_UNSET"}}}"#,
        #"{"cache": {"key": "user-profile"}, "monkey": "AKIAIOSFODNN7EXAMPL"}"#,
        #"{"tokenHeader": "Authorization", "passwordMinLength": 12}"#,
        #"{"db": {"password": "${DB_PASSWORD}", "url": "postgres://db.example.com/app"}}"#,
        #"{"api": {"keyName": "X-Api-Key", "publicKey": "short"}}"#,
        #"{"aws": {"id": "xAKIAIOSFODNN7EXAMPLE"}}"#,
        #"{"stripe": {"publishableKey": "pk_test_q8Zr4Lw2Xk9Vt7Mn3Pb6"}}"#,
    ])
    func ordinaryValuesAreNotCredentials(layer: String) throws {
        #expect(try !codes(layer).contains("doctor.credential-in-plain-text"))
    }

    @Test func aFindingNamesThePlaceAndKindButNeverTheValue() throws {
        let project = try makeProject(["default.json": #"{"api": {"key": "AKIAIOSFODNN7EXAMPLE"}}"#])
        let report = try project.doctor(.production)
        let finding = try #require(report.findings.first { $0.code == "doctor.credential-in-plain-text" })
        #expect(finding.pointer == "/api/key")
        #expect(finding.location?.description == "config/default.json:1:17")
        #expect(finding.message.contains("AWS access key id"))
        let everything =
            report.text + JSONSerializer().string(report.jsonValue)
            + JSONSerializer().string(report.sarif(toolVersion: "test", fallbackFile: "config/bers.json"))
        #expect(!everything.contains("AKIAIOSFODNN7EXAMPLE"))
    }

    @Test func aPlainValueAtASecretPlaceIsAnErrorInProductionOnly() throws {
        let schema =
            #"{"type": "object", "properties": {"db": {"type": "object", "properties": {"password": {"type": "string", "writeOnly": true}}}}}"#
        let files = [
            "bers.json": #"{"schema": "schemas/app.schema.json", "detection": {"strict": true}}"#,
            "schemas/app.schema.json": schema,
        ]
        #expect(try codes(#"{"db": {"password": "hunter2"}}"#, extra: files).contains("doctor.plaintext-secret"))
        let encrypted = #"{"db": {"password": {"$secret": "env:BERS_DOCTOR_TEST_PASSWORD"}}}"#
        #expect(try !codes(encrypted, extra: files).contains("doctor.plaintext-secret"))
        let staging = try makeProject(files.merging(["default.json": #"{"db": {"password": "hunter2"}}"#]) { $1 })
            .doctor(.staging)
        #expect(staging.findings.first { $0.code == "doctor.plaintext-secret" }?.severity == .warning)
    }

    @Test func aValueFromAnOverrideVariableIsNotInAFile() throws {
        let project = try makeProject(["default.json": #"{"db": {"password": "x"}}"#])
        let options = ResolveOptions(environmentVariables: ["BERS__DB__PASSWORD": "correct-horse-battery"])
        let report = try project.doctor(.production, options: options)
        #expect(!report.findings.contains { $0.code == "doctor.credential-in-plain-text" })
    }

    @Test func httpURLsOutsideDevelopment() throws {
        let layer = #"{"api": {"baseUrl": "http://api.example.com"}, "ws": "wss://api.example.com"}"#
        #expect(try codes(layer) == ["doctor.insecure-url"])
        #expect(try codes(layer, env: .development).isEmpty)
        #expect(try codes(#"{"api": {"baseUrl": "https://api.example.com", "path": "{api.baseUrl}/x"}}"#).isEmpty)
    }

    @Test(arguments: [
        "https://localhost:8443/x", "https://127.0.0.1/x", "https://10.1.2.3/", "https://172.20.0.1/",
        "https://192.168.1.1/", "https://[::1]:80/", "https://db.internal/", "https://printer.local/",
    ])
    func privateAddressesOutsideDevelopment(url: String) throws {
        #expect(try codes(#"{"service": {"url": "\#(url)"}}"#) == ["doctor.private-address"])
    }

    @Test(arguments: ["https://172.32.0.1/", "https://api.example.com/", "https://11.0.0.1/"])
    func publicAddressesAreFine(url: String) throws {
        #expect(try codes(#"{"service": {"url": "\#(url)"}}"#).isEmpty)
    }

    @Test func corsWildcard() throws {
        #expect(try codes(#"{"security": {"corsOrigins": ["https://a.example", "*"]}}"#) == ["doctor.cors-wildcard"])
        #expect(try codes(#"{"headers": {"Access-Control-Allow-Origin": "*"}}"#) == ["doctor.cors-wildcard"])
        #expect(try codes(#"{"security": {"corsOrigins": ["https://a.example"]}, "glob": "*"}"#).isEmpty)
    }

    @Test func theOriginalSecuritySwitches() throws {
        #expect(try codes(#"{"security": {"allowInsecure": true}}"#) == ["doctor.insecure-allowed"])
        #expect(try codes(#"{"tls": {"rejectUnauthorized": false}}"#) == ["doctor.insecure-allowed"])
        #expect(try codes(#"{"security": {"enforceHTTPS": false}}"#) == ["doctor.https-not-enforced"])
        #expect(try codes(#"{"security": {"cookieSettings": {"secure": false}}}"#) == ["doctor.insecure-cookie"])
        #expect(try codes(#"{"security": {"cookieSettings": {"httpOnly": false}}}"#) == ["doctor.cookie-not-http-only"])
        let safe =
            #"{"security": {"allowInsecure": false, "enforceHTTPS": true, "cookieSettings": {"secure": true, "httpOnly": true}}, "tls": {"rejectUnauthorized": true}}"#
        #expect(try codes(safe).isEmpty)
        #expect(try codes(#"{"security": {"allowInsecure": true}}"#, env: .development).isEmpty)
    }

    @Test func theOriginalPerformanceSwitches() throws {
        #expect(try codes(#"{"logging": {"level": "DEBUG"}}"#) == ["doctor.debug-logging"])
        #expect(try codes(#"{"widget": {"debug": true}}"#) == ["doctor.debug-logging"])
        #expect(try codes(#"{"logging": {"enableConsole": true}}"#) == ["doctor.console-logging"])
        #expect(try codes(#"{"performance": {"enableTracing": true}}"#) == ["doctor.tracing-enabled"])
        #expect(try codes(#"{"tracing": {"enabled": true}}"#) == ["doctor.tracing-enabled"])
        #expect(try codes(#"{"performance": {"sampleRate": 1.0}}"#) == ["doctor.full-sampling"])
        #expect(try codes(#"{"performance": {"lazyLoading": false}}"#) == ["doctor.lazy-loading-off"])
        let tuned =
            #"{"logging": {"level": "error", "enableConsole": false, "sanitizeErrors": true}, "widget": {"debug": false}, "performance": {"enableTracing": false, "sampleRate": 0.1, "lazyLoading": true}}"#
        #expect(try codes(tuned).isEmpty)
        #expect(try codes(#"{"logging": {"level": "debug"}}"#, env: .development).isEmpty)
    }

    @Test func scoresFollowTheOriginalPenalties() throws {
        let layer =
            #"{"security": {"allowInsecure": true, "enforceHTTPS": false}, "performance": {"sampleRate": 1, "enableTracing": true}}"#
        let report = try makeProject(["default.json": layer]).doctor(.production)
        #expect(report.securityScore == 100 - 30 - 20 - 15)  // the URL parameter is unrestricted here
        #expect(report.performanceScore == 100 - 20 - 15)
        #expect(report.hasErrors)
        #expect(!report.isReady)
    }

    @Test func aPasswordInAURLIsFoundWhateverItHoldsAndNeverShown() throws {
        for url in ["postgres://app:p#ss/w@rd@db.example.com/app", "http://u:pa@ss/word@api.example.com/"] {
            let report = try makeProject(["default.json": #"{"db": {"url": "\#(url)"}}"#]).doctor(.production)
            #expect(report.activeFindings.contains { $0.code == "doctor.credential-in-plain-text" }, "\(url)")
            let everything = report.text + JSONSerializer().string(report.jsonValue)
            #expect(!everything.contains("w@rd") && !everything.contains("p#ss"), "\(url)")
            #expect(!everything.contains("pa@ss") && !everything.contains("(ss)"), "\(url)")
        }
    }

    @Test func aSchemaFailureAboutACredentialNamesTheRuleNotTheValue() throws {
        let files = [
            "bers.json": #"{"schema": "app.schema.json"}"#,
            "app.schema.json": #"{"type": "object", "properties": {"apiKey": {"type": "string", "maxLength": 5}}}"#,
            "default.json": #"{"apiKey": "AKIAIOSFODNN7EXAMPLE"}"#,
        ]
        let report = try makeProject(files).doctor(.production)
        let failure = try #require(report.findings.first { $0.code == "doctor.invalid-configuration" })
        #expect(failure.message.contains("value (redacted)"))
        #expect(!(report.text + JSONSerializer().string(report.jsonValue)).contains("AKIAIOSFODNN7EXAMPLE"))
    }

    @Test func negatedAndCompoundSwitchesAreReadTheRightWay() throws {
        #expect(try codes(#"{"performance": {"disableTracing": true, "noConsole": true}}"#).isEmpty)
        #expect(try codes(#"{"performance": {"disableTracing": false}}"#) == ["doctor.tracing-enabled"])
        #expect(try codes(#"{"session": {"cookieSecure": false}}"#) == ["doctor.insecure-cookie"])
        #expect(try codes(#"{"session": {"cookieSecure": true}}"#).isEmpty)
    }

    @Test func tenantOverridesInsideArraysAreRedacted() throws {
        let files = [
            "bers.json": #"{"schema": "app.schema.json"}"#,
            "app.schema.json":
                #"{"type": "object", "properties": {"servers": {"type": "array", "items": {"type": "object", "properties": {"password": {"type": "string", "writeOnly": true}}}}}}"#,
            "default.json": #"{"servers": [{"password": "p", "host": "h"}]}"#,
        ]
        let config = try makeProject(files).resolve(.production)
        let tenant = json(
            #"{"tenant_id": "T1", "config_overrides": {"servers": [{"password": "cnry-array", "host": "x"}]}}"#
        )
        let shown = config.redactingOverrides(in: tenant, overridesKey: "config_overrides")
        #expect(shown[pointer: "/config_overrides/servers/0/password"] == "<redacted>")
        #expect(shown[pointer: "/config_overrides/servers/0/host"] == "x")
        #expect(shown["tenant_id"] == "T1")
    }
}
