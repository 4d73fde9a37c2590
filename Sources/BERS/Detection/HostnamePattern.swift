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
    /// What a matching (normalized) host must equal, end with or start with: `chat.example.com`,
    /// `.example.com` or `192.168.`.
    private let anchor: String
    /// Whether a prefix rule is all digits (it then only matches IPv4 addresses).
    private let isNumericPrefix: Bool

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
            anchor = normalized
        case [0] where parts[0] == "*" && parts.count >= 2:
            kind = .suffix
            labels = Array(parts.dropFirst())
            anchor = "." + labels.joined(separator: ".")
        case [parts.count - 1] where parts[parts.count - 1] == "*" && parts.count >= 2:
            kind = .prefix
            labels = Array(parts.dropLast())
            anchor = labels.joined(separator: ".") + "."
        default:
            throw invalid("'*' may only be a whole first label (*.example.com) or a whole last label (192.168.*)")
        }
        isNumericPrefix = kind == .prefix && labels.allSatisfy { $0.allSatisfy(\.isASCIIDigit) }
    }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public static func == (lhs: HostnamePattern, rhs: HostnamePattern) -> Bool {
        lhs.text == rhs.text && lhs.kind == rhs.kind && lhs.labels == rhs.labels
    }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
    }

    /// How specific a match is: exact rules beat any suffix or prefix; longer suffixes and prefixes
    /// beat shorter ones.
    public var specificity: Int {
        kind == .exact ? Int.max : labels.count
    }

    /// Whether `hostname` matches this rule.
    ///
    /// The hostname is compared in lowercase, without a
    /// trailing dot or a port.
    public func matches(_ hostname: String) -> Bool {
        let host = HostnamePattern.normalize(hostname)
        return host.utf8.allSatisfy { $0 < 0x80 } && HostnamePattern.hasNoEmptyLabel(host)
            && matches(normalizedHost: host)
    }

    /// Whether an already normalized host without empty labels (see ``normalize(_:)``) matches.
    func matches(normalizedHost host: String) -> Bool {
        switch kind {
        case .exact:
            return host == anchor
        case .suffix:
            return host.utf8.count > anchor.utf8.count && host.utf8.elementsEqual(anchor.utf8, atEnd: true)
        case .prefix:
            guard host.utf8.count > anchor.utf8.count, host.utf8.starts(with: anchor.utf8) else { return false }
            return !isNumericPrefix || HostnamePattern.isIPv4(host)
        }
    }

    /// Lowercases, drops one trailing dot and a `:port` suffix (not for bracketed IPv6).
    public static func normalize(_ hostname: String) -> String {
        // ASCII case folding only: Unicode folding would turn the Kelvin sign into "k".
        let lowered =
            hostname.utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") })
            ? String(
                decoding: hostname.utf8.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 + 32 : $0 },
                as: UTF8.self
            )
            : hostname
        var host = Substring(lowered)
        if !host.hasPrefix("["), let colon = host.utf8.lastIndex(of: UInt8(ascii: ":")),
            host.utf8[host.utf8.index(after: colon)...]
                .allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        {
            host = host[..<colon]
        }
        if host.hasSuffix(".") { host = host.dropLast() }
        return host.count == lowered.count ? lowered : String(host)
    }

    static func hasNoEmptyLabel(_ host: String) -> Bool {
        var host = host
        return host.withUTF8 { hasNoEmptyLabel($0) }
    }

    static func hasNoEmptyLabel(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousWasDot = true
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                if previousWasDot { return false }
                previousWasDot = true
            } else {
                previousWasDot = false
            }
        }
        return !previousWasDot
    }

    static func isIPv4(_ host: String) -> Bool {
        var octets = 0
        var digits = 0
        var value = 0
        for byte in host.utf8 {
            if byte == UInt8(ascii: ".") {
                guard digits > 0 else { return false }
                octets += 1
                digits = 0
                value = 0
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                if digits == 1 && value == 0 { return false }  // no leading zeros: "01" is not an octet
                digits += 1
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                guard digits <= 3, value <= 255 else { return false }
            } else {
                return false
            }
        }
        return digits > 0 && octets == 3
    }
}
