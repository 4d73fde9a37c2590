/// Which environment was detected, from where, how surely, and what every source said.
public struct DetectionResult: Sendable, Hashable {
    /// One source's answer.
    public struct Step: Sendable, Hashable {
        /// The source consulted.
        public var source: DetectionSource
        /// What it saw (`PICASSO_ENV=staging`, a hostname, a URL parameter value), if anything.
        public var value: String?
        /// What became of it.
        public var outcome: Outcome
        /// Why it was taken or passed over.
        public var reason: String

        /// A step with these fields.
        public init(source: DetectionSource, value: String?, outcome: Outcome, reason: String) {
            self.source = source
            self.value = value
            self.outcome = outcome
            self.reason = reason
        }

        /// Whether its answer was taken.
        public var accepted: Bool { outcome == .accepted }
    }

    /// What became of a source's answer.
    public enum Outcome: String, Sendable, Hashable, CaseIterable {
        /// The source named an environment, and it was taken.
        case accepted
        /// The source had nothing to say (the variable is not set, no URL was given).
        case absent
        /// `bers.json` turns the source off.
        case disabled
        /// The source saw something that selects no environment (a hostname no rule matches).
        case noMatch = "no-match"
        /// The source was refused by a rule (a URL may not select production).
        case refused
        /// The source said something that cannot be used, most likely a mistake: a name that is
        /// no environment, a `.bers-env` of several lines, rules that match equally.
        case invalid
    }

    /// The environment.
    public var environment: Environment
    /// The source that decided.
    public var source: DetectionSource
    /// How much to trust the answer.
    public var confidence: DetectionConfidence
    /// Every source consulted, in order, up to the one that decided.
    public var trace: [Step]

    /// A result with these fields.
    public init(environment: Environment, source: DetectionSource, confidence: DetectionConfidence, trace: [Step]) {
        self.environment = environment
        self.source = source
        self.confidence = confidence
        self.trace = trace
    }

    /// The sources that said something unusable before one decided: each is probably a mistake
    /// (a misspelt `BERS_ENV`) that made detection fall through to a lower source.
    public var problems: [Step] { trace.filter { $0.outcome == .invalid } }
}
