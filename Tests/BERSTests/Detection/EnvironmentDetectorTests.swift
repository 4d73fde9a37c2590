import BERS
import Testing

struct EnvironmentDetectorTests {
    /// The Picasso example's rules and variables.
    static func picassoSettings() throws -> DetectionSettings {
        var rules: [HostnameRules.Rule] = []
        for (environment, patterns) in [
            ("development", ["localhost", "127.0.0.1", "192.168.*"]),
            ("staging", ["staging.chat.myrecruiter.ai", "*.staging.myrecruiter.ai"]),
            ("production", ["chat.myrecruiter.ai", "myrecruiter.ai"]),
        ] {
            for pattern in patterns {
                rules.append(.init(environment: environment, pattern: try HostnamePattern(pattern)))
            }
        }
        return DetectionSettings(
            variables: ["BERS_ENV", "APP_ENV", "PICASSO_ENV", "NODE_ENV"],
            urlParameterName: "picasso-env",
            hostnameRules: HostnameRules(rules: rules)
        )
    }

    func detect(
        _ settings: DetectionSettings,
        explicit: String? = nil,
        environment: [String: String] = [:],
        url: String? = nil,
        hostname: String? = nil,
        buildContext: String? = nil,
        projectEnvironment: String? = nil,
        file: String? = nil
    ) -> DetectionResult {
        let detector = EnvironmentDetector(
            settings: settings,
            projectEnvironment: projectEnvironment,
            environmentFile: file
        )
        return detector.detect(
            DetectionContext(
                explicit: explicit,
                environment: environment,
                settings: settings,
                url: url,
                hostname: hostname,
                buildContext: buildContext
            )
        )
    }

    @Test func explicitWinsOverEverything() throws {
        let result = detect(
            try Self.picassoSettings(),
            explicit: "staging",
            environment: ["PICASSO_ENV": "development"],
            url: "https://x/?picasso-env=development",
            hostname: "localhost",
            buildContext: "production",
            projectEnvironment: "production"
        )
        #expect(result.environment == .staging)
        #expect(result.source == .explicit)
        #expect(result.confidence == .high)
        #expect(result.trace.count == 1)
    }

    @Test func configFileWinsOverVariables() throws {
        let result = detect(
            try Self.picassoSettings(),
            environment: ["PICASSO_ENV": "development"],
            projectEnvironment: "staging"
        )
        #expect(result.environment == .staging)
        #expect(result.source == .configFile)
        #expect(result.trace.last?.reason == "environment key of bers.json")
    }

    @Test func bersEnvFileWinsOverTheProjectKey() throws {
        let result = detect(try Self.picassoSettings(), projectEnvironment: "staging", file: "production\n")
        #expect(result.environment == .production)
        #expect(result.trace.last?.reason == "read from .bers-env")
    }

    @Test func bersEnvFileWithSeveralLinesIsRejected() throws {
        let result = detect(try Self.picassoSettings(), projectEnvironment: "staging", file: "production\nstaging\n")
        #expect(result.environment == .staging)
        #expect(result.trace.contains { !$0.accepted && $0.reason.contains("exactly one line") })
    }

    @Test func variablesAreConsultedInOrderAndInvalidOnesAreSkipped() throws {
        let result = detect(
            try Self.picassoSettings(),
            environment: ["PICASSO_ENV": "prod", "NODE_ENV": "development"]
        )
        #expect(result.environment == .development)
        #expect(result.source == .environmentVariable)
        let steps = result.trace.filter { $0.source == .environmentVariable }
        #expect(steps.map(\.value) == ["PICASSO_ENV=prod", "NODE_ENV=development"])
        #expect(steps.map(\.accepted) == [false, true])
        #expect(steps[0].reason.contains("unknown environment \"prod\""))
    }

    @Test func otherVariablesNeverAppearInTheResult() throws {
        let secret = "s3cr3t-value"
        let result = detect(
            try Self.picassoSettings(),
            environment: ["AWS_SECRET_ACCESS_KEY": secret, "DATABASE_URL": secret, "NODE_ENV": "staging"]
        )
        #expect(result.environment == .staging)
        let text = "\(result)"
        #expect(!text.contains(secret))
        #expect(!result.jsonValue.jsonText.contains(secret))
    }

    @Test func urlParameterSelectsTheEnvironment() throws {
        let result = detect(
            try Self.picassoSettings(),
            url: "https://chat.example.com/widget?tenant=x&picasso-env=staging#top"
        )
        #expect(result.environment == .staging)
        #expect(result.source == .urlParameter)
        #expect(result.confidence == .medium)
        #expect(result.trace.last?.value == "picasso-env=staging")
    }

    @Test func urlParameterIsRefusedWhenTheBuildPinsProduction() throws {
        let result = detect(
            try Self.picassoSettings(),
            url: "https://x/?picasso-env=staging",
            buildContext: "production"
        )
        #expect(result.environment == .production)
        #expect(result.source == .buildContext)
        let refusal = result.trace.first { $0.source == .urlParameter }
        #expect(refusal?.accepted == false)
        #expect(refusal?.reason.contains("build context pins production") == true)
    }

    @Test func urlParameterCanBeRestrictedToSomeEnvironments() throws {
        var settings = try Self.picassoSettings()
        settings.urlParameterAllowed = ["development", "staging"]
        let result = detect(settings, url: "https://x/?picasso-env=production", hostname: "localhost")
        #expect(result.environment == .development)
        #expect(
            result.trace.first { $0.source == .urlParameter }?.reason == "a URL may only select development, staging"
        )
    }

    @Test func urlParameterWithConflictingValuesIsRejected() throws {
        let result = detect(try Self.picassoSettings(), url: "https://x/?picasso-env=staging&picasso-env=development")
        #expect(result.source == .defaultFallback)
    }

    @Test(arguments: [
        ("localhost", "development", DetectionConfidence.high),
        ("127.0.0.1", "development", .high),
        ("192.168.1.7", "development", .medium),
        ("staging.chat.myrecruiter.ai", "staging", .high),
        ("eu.staging.myrecruiter.ai", "staging", .medium),
        ("chat.myrecruiter.ai", "production", .high),
        ("myrecruiter.ai", "production", .high),
    ])
    func hostnameRulesOfTheExample(_ host: String, _ expected: String, _ confidence: DetectionConfidence) throws {
        let result = detect(try Self.picassoSettings(), hostname: host)
        #expect(result.environment.name == expected)
        #expect(result.source == .hostnamePattern)
        #expect(result.confidence == confidence)
    }

    @Test(arguments: [
        "myrecruiter.ai.evil.com", "chat.myrecruiter.ai.evil.net", "devices.example.com", "staging.evil.com",
        "192.168.evil.com",
    ])
    func lookalikeHostsDoNotMatch(_ host: String) throws {
        let result = detect(try Self.picassoSettings(), hostname: host)
        #expect(result.source == .defaultFallback)
        #expect(result.environment == .production)
        #expect(result.trace.first { $0.source == .hostnamePattern }?.reason == "no rule matches")
    }

    @Test func buildContextAnswersBeforeTheFallback() throws {
        let result = detect(try Self.picassoSettings(), buildContext: "staging")
        #expect(result.environment == .staging)
        #expect(result.source == .buildContext)
    }

    @Test func fallbackIsProductionWithLowConfidence() throws {
        let result = detect(DetectionSettings())
        #expect(result.environment == .production)
        #expect(result.source == .defaultFallback)
        #expect(result.confidence == .low)
        #expect(result.trace.map(\.source) == DetectionSource.allCases)
        #expect(result.trace.filter(\.accepted).count == 1)
    }

    @Test func configuredFallbackIsUsed() {
        let result = detect(DetectionSettings(fallback: "development"))
        #expect(result.environment == .development)
    }

    @Test func disabledSourcesAreSkippedAndSaySo() throws {
        var settings = try Self.picassoSettings()
        settings.disabled = [.environmentVariable, .hostnamePattern]
        let result = detect(settings, environment: ["NODE_ENV": "staging"], hostname: "localhost")
        #expect(result.source == .defaultFallback)
        #expect(result.trace.first { $0.source == .environmentVariable }?.reason == "disabled in bers.json")
    }

    @Test func customEnvironmentsCanBeDetected() throws {
        let catalog = try EnvironmentCatalog(custom: [.init(name: "qa", inherits: "staging")])
        let detector = EnvironmentDetector(catalog: catalog)
        let result = detector.detect(DetectionContext(environment: ["BERS_ENV": "qa"]))
        #expect(result.environment.name == "qa")
    }

    @Test func detectionIsMemoisedForTheTimeToLive() throws {
        let clock = ManualClock()
        let detector = EnvironmentDetector(settings: DetectionSettings(cacheTTLMilliseconds: 1000), clock: clock)
        let context = DetectionContext(environment: ["BERS_ENV": "staging"])
        let first = detector.detect(context)
        #expect(detector.memoStatistics == (0, 1))
        #expect(detector.detect(context) == first)
        clock.advance(byMilliseconds: 999)
        #expect(detector.detect(context) == first)
        #expect(detector.memoStatistics == (2, 1))
        clock.advance(byMilliseconds: 2)
        #expect(detector.detect(context) == first)
        #expect(detector.memoStatistics == (2, 2))
        detector.clearCache()
        #expect(detector.detect(DetectionContext(environment: ["BERS_ENV": "development"])).environment == .development)
    }

    @Test func differentContextsAreMemoisedSeparately() {
        let detector = EnvironmentDetector()
        #expect(detector.detect(DetectionContext(environment: ["BERS_ENV": "staging"])).environment == .staging)
        #expect(detector.detect(DetectionContext(environment: ["BERS_ENV": "development"])).environment == .development)
        #expect(detector.detect(DetectionContext(environment: ["BERS_ENV": "staging"])).environment == .staging)
    }

    @Test func jsonShapeMatchesTheCommandLineContract() throws {
        let result = detect(try Self.picassoSettings(), environment: ["PICASSO_ENV": "staging"])
        let json = result.jsonValue
        #expect(json["environment"] == "staging")
        #expect(json["source"] == "env-variable")
        #expect(json["confidence"] == "high")
        let last = json["trace"]?.arrayValue?.last
        #expect(last?["source"] == "env-variable")
        #expect(last?["value"] == "PICASSO_ENV=staging")
        #expect(last?["accepted"] == true)
        #expect(last?["reason"] == "read from PICASSO_ENV")
    }

    @Test func traceTextsNameTheConfiguredVariablesParameterAndRule() throws {
        let settings = DetectionSettings(
            variables: ["A_ENV", "B_ENV"],
            urlParameterName: "env",
            hostnameRules: HostnameRules(rules: [
                .init(environment: "development", pattern: try HostnamePattern("localhost")),
                .init(environment: "staging", pattern: try HostnamePattern("*.example.com")),
            ])
        )
        func reason(_ result: DetectionResult, _ source: DetectionSource) -> String? {
            result.trace.first { $0.source == source }?.reason
        }
        let hostname = detect(settings, url: "https://x/?other=1", hostname: "a.example.com")
        #expect(reason(hostname, .environmentVariable) == "none of A_ENV, B_ENV is set")
        #expect(reason(hostname, .urlParameter) == "the URL has no env parameter")
        #expect(reason(hostname, .hostnamePattern) == "hostname matches *.example.com")
        #expect(hostname.environment == .staging)
        let conflicting = detect(settings, url: "https://x/?env=staging&env=development")
        #expect(reason(conflicting, .urlParameter) == "the URL sets env to different values")
        let url = detect(settings, url: "https://x/?env=development&env=development")
        #expect(reason(url, .urlParameter) == "URL parameter env")
        #expect(url.environment == .development)
        let noRules = detect(DetectionSettings(), hostname: "localhost")
        #expect(reason(noRules, .hostnamePattern) == "no hostname rules configured")
    }
}
