/// The hostname rules of every environment, and the choice among them.
///
/// When rules of several environments match one host, the most specific rule wins (see
/// ``HostnamePattern/specificity``). Two environments matching with equally specific rules is
/// ambiguous, and the hostname source then rejects the host.
public struct HostnameRules: Sendable, Hashable {
    /// One environment's rule.
    public struct Rule: Sendable, Hashable {
        /// The environment name the rule selects.
        public var environment: String
        /// The pattern.
        public var pattern: HostnamePattern

        /// A rule selecting `environment` for hosts matching `pattern`.
        public init(environment: String, pattern: HostnamePattern) {
            self.environment = environment
            self.pattern = pattern
        }
    }

    /// The rules, in declaration order.
    public var rules: [Rule]

    /// Rules from a table of environment name to patterns.
    public init(rules: [Rule] = []) {
        self.rules = rules
    }

    /// The outcome of matching a host.
    public enum Match: Sendable, Hashable {
        /// No rule matches.
        case none
        /// One environment's rule is the most specific match.
        case matched(environment: String, pattern: HostnamePattern)
        /// Rules of several environments match equally specifically.
        case ambiguous(environments: [String], patterns: [HostnamePattern])
    }

    /// Matches `hostname` against every rule.
    public func match(_ hostname: String) -> Match {
        let host = HostnamePattern.normalize(hostname)
        // Internationalized names must arrive in their ASCII (punycode) form.
        guard host.utf8.allSatisfy({ $0 < 0x80 }), HostnamePattern.hasNoEmptyLabel(host) else { return .none }
        let hits = rules.filter { $0.pattern.matches(normalizedHost: host) }
        guard let best = hits.map(\.pattern.specificity).max() else { return .none }
        let top = hits.filter { $0.pattern.specificity == best }
        let environments = top.map(\.environment).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        if environments.count == 1, let first = top.first {
            return .matched(environment: first.environment, pattern: first.pattern)
        }
        return .ambiguous(environments: environments, patterns: top.map(\.pattern))
    }
}
