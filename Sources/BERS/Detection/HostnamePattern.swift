/// One hostname rule: an exact name (`localhost`), a domain suffix (`*.example.com`) or a
/// leading-label prefix (`192.168.*`).
///
/// Matching is by whole labels, never by substring: `*.example.com` matches `chat.example.com`
/// but neither `example.com` nor `chat.example.com.evil.net` nor `badexample.com`; `192.168.*`
/// matches only IPv4 addresses starting with those octets when the prefix is numeric.
public struct HostnamePattern: Sendable, Hashable {
    /// The kind of rule.
    public enum Kind: Sendable, Hashable {
        /// The whole hostname.
        case exact
        /// Any name ending with `.` + the suffix, with at least one more label.
        case suffix
        /// Any name starting with these labels + `.`, with at least one more label.
        case prefix
    }

    /// The rule as written in `bers.json`.
    public let text: String
    /// The kind of rule.
    public let kind: Kind
    /// The labels the rule fixes (for suffixes and prefixes, without the `*`).
    public let labels: [Substring]

    /// Parses a rule.
    ///
    /// - Throws: ``ConfigError`` `config.invalid-project-file` for an empty rule, a `*` anywhere
    ///   but as a whole first or last label, or an empty label.
    public init(_ text: String) throws(ConfigError) {
        let normalized = HostnamePattern.normalize(text)
        let parts = normalized.split(separator: ".", omittingEmptySubsequences: false)
        func invalid(_ why: String) -> ConfigError {
            ConfigError(.invalidProjectFile, "hostname rule \"\(text)\" is not valid: \(why)")
        }
        guard !normalized.isEmpty else { throw invalid("it is empty") }
        guard !parts.contains(where: \.isEmpty) else { throw invalid("it has an empty label") }
        let wildcards = parts.indices.filter { parts[$0].contains("*") }
        self.text = text
        switch wildcards {
        case []:
            kind = .exact
            labels = parts
        case [0] where parts[0] == "*" && parts.count >= 2:
            kind = .suffix
            labels = Array(parts.dropFirst())
        case [parts.count - 1] where parts[parts.count - 1] == "*" && parts.count >= 2:
            kind = .prefix
            labels = Array(parts.dropLast())
        default:
            throw invalid("'*' may only be a whole first label (*.example.com) or a whole last label (192.168.*)")
        }
    }

    /// How specific a match is: exact rules beat any suffix or prefix; longer suffixes and prefixes
    /// beat shorter ones.
    public var specificity: Int {
        kind == .exact ? Int.max : labels.count
    }

    /// Whether `hostname` matches this rule. The hostname is compared in lowercase, without a
    /// trailing dot or a port.
    public func matches(_ hostname: String) -> Bool {
        let host = HostnamePattern.normalize(hostname)
        let hostLabels = host.split(separator: ".", omittingEmptySubsequences: false)
        switch kind {
        case .exact:
            return hostLabels == labels
        case .suffix:
            return hostLabels.count > labels.count && Array(hostLabels.suffix(labels.count)) == labels
                && !hostLabels.contains(where: \.isEmpty)
        case .prefix:
            guard hostLabels.count > labels.count, Array(hostLabels.prefix(labels.count)) == labels else { return false }
            let numeric = labels.allSatisfy { $0.allSatisfy(\.isASCIIDigit) }
            return !numeric || HostnamePattern.isIPv4(hostLabels)
        }
    }

    /// Lowercases, drops one trailing dot and a `:port` suffix (not for bracketed IPv6).
    static func normalize(_ hostname: String) -> String {
        var host = Substring(hostname.lowercased())
        if !host.hasPrefix("["), let colon = host.lastIndex(of: ":"), host[host.index(after: colon)...].allSatisfy(\.isASCIIDigit) {
            host = host[..<colon]
        }
        if host.hasSuffix(".") { host = host.dropLast() }
        return String(host)
    }

    static func isIPv4(_ labels: [Substring]) -> Bool {
        labels.count == 4 && labels.allSatisfy { label in
            !label.isEmpty && label.count <= 3 && label.allSatisfy(\.isASCIIDigit) && (Int(label) ?? 256) <= 255
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
