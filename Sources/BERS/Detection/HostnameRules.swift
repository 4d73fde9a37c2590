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
        switch indexedMatch(hostname) {
        case .none:
            return .none
        case .rule(let index):
            return .matched(environment: rules[index].environment, pattern: rules[index].pattern)
        case .ambiguous(let environments, let patterns):
            return .ambiguous(environments: environments, patterns: patterns)
        }
    }

    /// ``Match``, naming the winning rule by its index in ``rules``.
    enum IndexedMatch: Sendable, Hashable {
        /// No rule matches.
        case none
        /// The rule at this index is the most specific match.
        case rule(Int)
        /// Rules of several environments match equally specifically.
        case ambiguous(environments: [String], patterns: [HostnamePattern])
    }

    /// Matches `hostname` against every rule, in one pass without allocating unless it is ambiguous.
    func indexedMatch(_ hostname: String) -> IndexedMatch {
        var host = HostnamePattern.normalize(hostname)
        return host.withUTF8 { host in
            guard HostnamePattern.isMatchable(host) else { return .none }
            var best: Int?
            var tied = false
            for index in rules.indices where rules[index].pattern.matches(normalizedHost: host) {
                guard let current = best else {
                    best = index
                    continue
                }
                let specificity = rules[index].pattern.specificity
                let bestSpecificity = rules[current].pattern.specificity
                if specificity > bestSpecificity {
                    best = index
                    tied = false
                } else if specificity == bestSpecificity && rules[index].environment != rules[current].environment {
                    tied = true
                }
            }
            guard let best else { return .none }
            return tied ? ambiguity(host, specificity: rules[best].pattern.specificity) : .rule(best)
        }
    }

    /// The environments (each once) and patterns of the rules matching `host` with `specificity`.
    private func ambiguity(_ host: UnsafeBufferPointer<UInt8>, specificity: Int) -> IndexedMatch {
        let top = rules.filter { $0.pattern.specificity == specificity && $0.pattern.matches(normalizedHost: host) }
        let environments = top.map(\.environment).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return .ambiguous(environments: environments, patterns: top.map(\.pattern))
    }
}
