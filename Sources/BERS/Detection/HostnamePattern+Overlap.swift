extension HostnamePattern {
    /// A hostname both rules match, if there is one: what `bers doctor` shows when rules of two
    /// environments overlap.
    ///
    /// Candidates are each rule's own example host and the host joining a prefix rule's labels to
    /// a suffix rule's (`192.168.*` and `*.example.com` share nothing; `api.*` and `*.example.com`
    /// share `api.example.com`).
    public func sharedHost(with other: HostnamePattern) -> String? {
        var candidates = [example, other.example]
        if kind == .prefix && other.kind == .suffix { candidates.append(joined(prefix: self, suffix: other)) }
        if kind == .suffix && other.kind == .prefix { candidates.append(joined(prefix: other, suffix: self)) }
        return candidates.first { matches($0) && other.matches($0) }
    }

    /// A host this rule matches: itself, `x.` + a suffix, or a prefix + `.x` (`.1` for a numeric
    /// prefix, completed to four octets).
    var example: String {
        switch kind {
        case .exact: return labels.joined(separator: ".")
        case .suffix: return "x." + labels.joined(separator: ".")
        case .prefix:
            guard labels.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else {
                return labels.joined(separator: ".") + ".x"
            }
            let octets = labels.map(String.init) + Array(repeating: "1", count: max(1, 4 - labels.count))
            return octets.joined(separator: ".")
        }
    }

    private func joined(prefix: HostnamePattern, suffix: HostnamePattern) -> String {
        (prefix.labels + suffix.labels).joined(separator: ".")
    }
}
