/// Which environment was detected, from where, how surely, and what every source said.
public struct DetectionResult: Sendable, Hashable {
    /// One source's answer.
    public struct Step: Sendable, Hashable {
        /// The source consulted.
        public var source: DetectionSource
        /// What it saw (`PICASSO_ENV=staging`, a hostname, a URL parameter value), if anything.
        public var value: String?
        /// Whether its answer was taken.
        public var accepted: Bool
        /// Why it was taken or passed over.
        public var reason: String

        /// A step with these fields.
        public init(source: DetectionSource, value: String?, accepted: Bool, reason: String) {
            self.source = source
            self.value = value
            self.accepted = accepted
            self.reason = reason
        }
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
}
