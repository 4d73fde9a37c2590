import BERS
import Testing

/// Sources that said something unusable: warnings, and errors in strict mode.
struct DetectionProblemsTests {
    func detect(
        environment: [String: String] = [:],
        explicit: String? = nil,
        file: String? = nil,
        settings: DetectionSettings = DetectionSettings()
    ) -> DetectionResult {
        EnvironmentDetector(settings: settings, environmentFile: file)
            .detect(DetectionContext(explicit: explicit, environment: environment, settings: settings, hostname: "h"))
    }

    @Test func aMisspeltVariableIsAProblemWithAWarning() throws {
        let result = detect(environment: ["BERS_ENV": "stagin"])
        #expect(result.environment == .production)
        #expect(result.problems.map(\.source) == [.environmentVariable])
        #expect(result.trace.map(\.outcome) == [.absent, .absent, .invalid, .absent, .noMatch, .absent, .accepted])
        #expect(
            result.warnings.map(\.message) == [
                "env-variable BERS_ENV=stagin ignored: unknown environment \"stagin\" (known: development, staging, production; did you mean staging?); using production from default-fallback"
            ]
        )
        #expect(result.warnings.map(\.code) == [.detectionProblem])
        try result.requireUsable(strict: false)
        let error = #expect(throws: ConfigError.self) { try result.requireUsable(strict: true) }
        #expect(error?.code == .detectionProblem)
        #expect(error?.message.hasSuffix("refuses to fall back to production from default-fallback") == true)
    }

    @Test func aLaterSourceThatDecidesStillReportsTheEarlierProblem() {
        let result = detect(environment: ["BERS_ENV": "qa", "APP_ENV": "staging"])
        #expect(result.environment == .staging)
        #expect(result.warnings.map(\.message).first?.hasSuffix("using staging from env-variable") == true)
    }

    @Test func absentAndUnmatchedSourcesAreNoProblem() throws {
        let result = detect(environment: ["BERS_ENV": ""])
        #expect(result.problems.isEmpty)
        #expect(result.warnings.isEmpty)
        try result.requireUsable(strict: true)
    }

    @Test func aBersEnvFileOfSeveralLinesIsAProblem() {
        let result = detect(file: "staging\nproduction\n")
        #expect(result.problems.map(\.source) == [.configFile])
        #expect(result.problems.first?.reason.contains("exactly one line") == true)
    }

    @Test func anUnknownExplicitNameIsAnErrorEvenWithoutStrictMode() {
        let unknown = detect(explicit: "prod")
        let error = #expect(throws: ConfigError.self) { try unknown.requireUsable(strict: false) }
        #expect(error?.code == .unknownEnvironment)
        #expect(error?.message.contains("did you mean production?") == true)
        let malformed = detect(explicit: "Prod!")
        #expect(throws: ConfigError(.invalidEnvironmentName, "")) { try malformed.requireUsable(strict: false) }
    }

    @Test func theDetectorAppliesStrictModeFromItsSettings() {
        let settings = DetectionSettings(strict: true)
        let detector = EnvironmentDetector(settings: settings)
        let context = DetectionContext(environment: ["BERS_ENV": "stagin"], settings: settings)
        #expect(throws: ConfigError(.detectionProblem, "")) { try detector.requireEnvironment(context) }
    }

    @Test func refusedURLParametersAreDeliberateNotProblems() {
        let settings = DetectionSettings(urlParameterAllowed: ["staging"])
        let result = EnvironmentDetector(settings: settings)
            .detect(DetectionContext(settings: settings, url: "https://x/?bers-env=production"))
        #expect(result.trace[3].outcome == .refused)
        #expect(result.problems.isEmpty)
    }

    @Test func strictIsReadFromBersJSON() throws {
        let project = try makeProject(["bers.json": #"{"detection": {"strict": true}}"#])
        #expect(project.settings.detection.strict)
        let error = #expect(throws: ConfigError.self) {
            try makeProject(["bers.json": #"{"detection": {"strict": "yes"}}"#])
        }
        #expect(error?.code == .invalidProjectFile)
        #expect(error?.location?.line == 1)
    }
}
