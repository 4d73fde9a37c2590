extension DetectionResult {
    /// One warning per entry of ``problems``.
    ///
    /// Each names the source, the value, what is wrong with it and the environment used instead:
    ///
    /// ```
    /// env-variable BERS_ENV=stagin ignored: unknown environment "stagin" (known: development,
    /// staging, production; did you mean staging?); using production from default-fallback
    /// ```
    public var warnings: [ConfigDiagnostic] {
        problems.map { step in
            ConfigDiagnostic(
                code: .detectionProblem,
                message:
                    "\(Self.describe(step)) ignored: \(step.reason); using \(environment.name) from \(source.rawValue)"
            )
        }
    }

    /// Throws when the result must not be used: an explicit environment (`--env`) that names no
    /// environment, or, when `strict`, any source that said something unusable, except the URL
    /// parameter: a URL is a visitor's input, and a visitor must not be able to break detection
    /// (its problems stay warnings).
    ///
    /// - Throws: ``ConfigError`` `config.unknown-environment` or `config.invalid-environment-name`
    ///   for a bad explicit name; `config.detection-problem` in strict mode, naming every problem.
    public func requireUsable(strict: Bool) throws(ConfigError) {
        if let explicit = trace.first(where: { $0.source == .explicit && $0.outcome == .invalid }) {
            let name = explicit.value ?? ""
            let code: ConfigError.Code =
                Environment.isValidName(name) ? .unknownEnvironment : .invalidEnvironmentName
            throw ConfigError(code, explicit.reason)
        }
        let refused = problems.filter { $0.source != .urlParameter }
        guard strict, !refused.isEmpty else { return }
        let listed = refused.map { "\(Self.describe($0)): \($0.reason)" }.joined(separator: "; ")
        throw ConfigError(
            .detectionProblem,
            "\(listed); detection.strict in bers.json refuses to fall back to \(environment.name) from \(source.rawValue)"
        )
    }

    private static func describe(_ step: Step) -> String {
        step.value.map { "\(step.source.rawValue) \($0)" } ?? step.source.rawValue
    }
}
