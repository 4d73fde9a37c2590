/// Decides which environment a program runs in, from the sources of ``DetectionSource`` in
/// precedence order, and remembers the answer per context for the configured time.
///
/// An invalid value at a source (an unknown name, a URL parameter refused because the build pins
/// production) is recorded in the trace with the reason, and the next source is consulted.
///
/// ```swift
/// let detector = project.detector()
/// let result = detector.detect(DetectionContext(environment: ProcessInfo.processInfo.environment,
///                                               settings: project.settings.detection, hostname: "localhost"))
/// result.environment   // development
/// result.source        // .hostnamePattern
/// ```
public struct EnvironmentDetector: Sendable {
    /// The source settings.
    public let settings: DetectionSettings
    /// The environments that can be detected.
    public let catalog: EnvironmentCatalog
    /// The `environment` key of `bers.json`, if set.
    public let projectEnvironment: String?
    /// The content of the `.bers-env` file, if present.
    public let environmentFile: String?
    private let cache: DetectionCache
    private let reasons: DetectionReasons

    /// A detector for these settings.
    ///
    /// - Parameters:
    ///   - projectEnvironment: the `environment` key of `bers.json`.
    ///   - environmentFile: the text of `.bers-env`.
    ///   - clock: the clock used for the memo's time to live.
    public init(
        settings: DetectionSettings = .default,
        catalog: EnvironmentCatalog = .builtIn,
        projectEnvironment: String? = nil,
        environmentFile: String? = nil,
        clock: any MonotonicClock = SystemMonotonicClock()
    ) {
        self.settings = settings
        self.catalog = catalog
        self.projectEnvironment = projectEnvironment
        self.environmentFile = environmentFile
        self.reasons = DetectionReasons(settings)
        self.cache = DetectionCache(
            timeToLiveNanoseconds: UInt64(min(max(0, settings.cacheTTLMilliseconds), 86_400_000)) * 1_000_000,
            clock: clock
        )
    }

    /// The environment for `context`, from the memo when a result younger than the time to live
    /// exists for an equal context.
    public func detect(_ context: DetectionContext) -> DetectionResult {
        if let cached = cache.result(for: context) { return cached }
        let result = detectUncached(context)
        cache.store(result, for: context)
        return result
    }

    /// The environment for `context`, like ``detect(_:)``, refusing a result that must not be used.
    ///
    /// A result must not be used when an explicit name is no environment, or (with
    /// `"strict": true` in `bers.json`'s `detection` section) when any source said something
    /// unusable. Without strict mode such sources are reported in ``DetectionResult/warnings``.
    ///
    /// - Throws: ``ConfigError`` from ``DetectionResult/requireUsable(strict:)``.
    public func requireEnvironment(_ context: DetectionContext) throws(ConfigError) -> DetectionResult {
        let result = detect(context)
        try result.requireUsable(strict: settings.strict)
        return result
    }

    /// How many detections were answered from the memo (`hits`) and how many ran the sources.
    public var memoStatistics: (hits: Int, misses: Int) { cache.statistics }

    /// Forgets every remembered detection.
    public func clearCache() { cache.removeAll() }

    /// Runs every source without consulting or filling the memo.
    public func detectUncached(_ context: DetectionContext) -> DetectionResult {
        var trace: [DetectionResult.Step] = []
        trace.reserveCapacity(DetectionSource.allCases.count)
        for source in DetectionSource.allCases {
            guard settings.isEnabled(source) || source == .defaultFallback else {
                trace.append(.init(source: source, value: nil, outcome: .disabled, reason: "disabled in bers.json"))
                continue
            }
            if let (environment, confidence) = consult(source, context, &trace) {
                return DetectionResult(environment: environment, source: source, confidence: confidence, trace: trace)
            }
        }
        // The fallback is validated when settings are loaded; production is the last resort.
        return DetectionResult(environment: .production, source: .defaultFallback, confidence: .low, trace: trace)
    }

    private func consult(
        _ source: DetectionSource,
        _ context: DetectionContext,
        _ trace: inout [DetectionResult.Step]
    ) -> (Environment, DetectionConfidence)? {
        func offer(_ name: String, shown: String? = nil, confidence: DetectionConfidence, why: String) -> (
            Environment, DetectionConfidence
        )? {
            if let problem = catalog.rejectionReason(for: name) {
                trace.append(.init(source: source, value: shown ?? name, outcome: .invalid, reason: problem))
                return nil
            }
            trace.append(.init(source: source, value: shown ?? name, outcome: .accepted, reason: why))
            return (Environment(uncheckedName: name), confidence)
        }
        func nothing(_ reason: String) -> (Environment, DetectionConfidence)? {
            trace.append(.init(source: source, value: nil, outcome: .absent, reason: reason))
            return nil
        }

        switch source {
        case .explicit:
            guard let name = context.explicit else { return nothing("no --env given") }
            return offer(name, confidence: .high, why: "given explicitly")

        case .configFile:
            if let file = environmentFile {
                let lines = file.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace() }
                    .filter { !$0.isEmpty }
                if lines.count == 1 {
                    let shown = "\(ConfigProject.environmentFileName)=\(lines[0])"
                    if let found = offer(lines[0], shown: shown, confidence: .high, why: "read from .bers-env") {
                        return found
                    }
                } else {
                    trace.append(
                        .init(
                            source: source,
                            value: nil,
                            outcome: .invalid,
                            reason:
                                ".bers-env must hold exactly one line with an environment name, it has \(lines.count)"
                        )
                    )
                }
            }
            guard let name = projectEnvironment else {
                return environmentFile == nil ? nothing("no environment key in bers.json and no .bers-env file") : nil
            }
            return offer(
                name,
                shown: "bers.json environment=\(name)",
                confidence: .high,
                why: "environment key of bers.json"
            )

        case .environmentVariable:
            guard !context.variables.isEmpty else {
                return nothing(reasons.noVariableSet)
            }
            for variable in context.variables {
                let shown = "\(variable.name)=\(variable.value)"
                if variable.value.isEmpty {
                    trace.append(
                        .init(source: source, value: shown, outcome: .absent, reason: "\(variable.name) is empty")
                    )
                    continue
                }
                if let found = offer(variable.value, shown: shown, confidence: .high, why: "read from \(variable.name)")
                {
                    return found
                }
            }
            return nil

        case .urlParameter:
            guard let url = context.url else { return nothing("no URL given") }
            let values = URLQuery.values(named: settings.urlParameterName, in: url)
            guard let name = values.first else {
                return nothing(reasons.noURLParameter)
            }
            let shown = "\(settings.urlParameterName)=\(name)"
            func reject(_ outcome: DetectionResult.Outcome, _ reason: String) -> (Environment, DetectionConfidence)? {
                trace.append(.init(source: source, value: shown, outcome: outcome, reason: reason))
                return nil
            }
            // A production build ignores the URL whatever it says; then come mistakes, then policy.
            if let pinned = context.buildContext, isProduction(pinned) {
                return reject(.refused, "refused: the build context pins \(pinned), which a URL cannot override")
            }
            if values.contains(where: { $0 != name }) { return reject(.invalid, reasons.conflictingURLValues) }
            if let problem = catalog.rejectionReason(for: name) { return reject(.invalid, problem) }
            if let allowed = settings.urlParameterAllowed, !allowed.contains(name), let why = reasons.urlNotAllowed {
                return reject(.refused, why)
            }
            return offer(name, shown: shown, confidence: .medium, why: reasons.urlAccepted)

        case .hostnamePattern:
            guard let host = context.hostname, !host.isEmpty else { return nothing("no hostname known") }
            switch settings.hostnameRules.indexedMatch(host) {
            case .none:
                trace.append(.init(source: source, value: host, outcome: .noMatch, reason: reasons.noHostnameMatch))
                return nil
            case .ambiguous(let environments, let patterns):
                trace.append(
                    .init(
                        source: source,
                        value: host,
                        outcome: .invalid,
                        reason:
                            "rules of \(environments.joined(separator: " and ")) match equally (\(patterns.map(\.text).joined(separator: ", ")))"
                    )
                )
                return nil
            case .rule(let index):
                let rule = settings.hostnameRules.rules[index]
                let confidence: DetectionConfidence = rule.pattern.kind == .exact ? .high : .medium
                return offer(rule.environment, shown: host, confidence: confidence, why: reasons.hostnameMatches[index])
            }

        case .buildContext:
            guard let name = context.buildContext else { return nothing("no build context given") }
            return offer(name, confidence: .medium, why: "the artifact was built for \(name)")

        case .defaultFallback:
            return offer(settings.fallback, confidence: .low, why: "no other source answered")
        }
    }

    private func isProduction(_ name: String) -> Bool {
        guard let environment = try? catalog.environment(named: name) else { return false }
        return catalog.baseEnvironment(of: environment) == .production
    }
}
