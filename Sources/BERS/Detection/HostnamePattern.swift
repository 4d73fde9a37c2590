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
    /// The UTF-8 bytes a matching (normalized) host must equal, end with or start with:
    /// `chat.example.com`, `.example.com` or `192.168.`.
    private let anchor: [UInt8]
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
            anchor = Array(normalized.utf8)
        case [0] where parts[0] == "*" && parts.count >= 2:
            kind = .suffix
            labels = Array(parts.dropFirst())
            anchor = Array(("." + labels.joined(separator: ".")).utf8)
        case [parts.count - 1] where parts[parts.count - 1] == "*" && parts.count >= 2:
            kind = .prefix
            labels = Array(parts.dropLast())
            anchor = Array((labels.joined(separator: ".") + ".").utf8)
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
        var host = HostnamePattern.normalize(hostname)
        return host.withUTF8 { HostnamePattern.isMatchable($0) && matches(normalizedHost: $0) }
    }

    /// Whether an already normalized, matchable host (see ``isMatchable(_:)``) matches.
    func matches(normalizedHost host: UnsafeBufferPointer<UInt8>) -> Bool {
        switch kind {
        case .exact:
            return host.elementsEqual(anchor)
        case .suffix:
            return host.count > anchor.count && host[(host.count - anchor.count)...].elementsEqual(anchor)
        case .prefix:
            guard host.count > anchor.count, host[..<anchor.count].elementsEqual(anchor) else { return false }
            return !isNumericPrefix || HostnamePattern.isIPv4(host)
        }
    }

    /// Lowercases, drops a `:port` suffix and then one trailing dot.
    ///
    /// The port is digits, or none as in `host:`. A bracketed IPv6 address keeps its port; a host
    /// that would still hold a `:`, or that ends in two dots, is no hostname and is only lowercased.
    /// Normalizing twice gives the same text.
    public static func normalize(_ hostname: String) -> String {
        var utf8 = hostname
        return utf8.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return normalizeCharacters(hostname) }
            // ASCII: every byte is a character, so the work is byte-wise, and copies only when it changes.
            let end = normalizedLength(bytes)
            let kept = UnsafeBufferPointer(rebasing: bytes[..<end])
            guard end < bytes.count || kept.contains(where: isUppercase) else { return hostname }
            return String(unsafeUninitializedCapacity: end) { buffer in
                for index in 0..<end { buffer[index] = isUppercase(kept[index]) ? kept[index] + 32 : kept[index] }
                return end
            }
        }
    }

    /// The length of an ASCII hostname without its `:port` and one trailing dot, as
    /// ``normalize(_:)`` says.
    private static func normalizedLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var end = bytes.count
        if bytes.first != UInt8(ascii: "["), let colon = bytes.firstIndex(of: UInt8(ascii: ":")) {
            guard bytes[(colon + 1)...].allSatisfy(isDigit) else { return bytes.count }
            end = colon
        }
        let dot = UInt8(ascii: ".")
        if end > 0 && bytes[end - 1] == dot && !(end > 1 && bytes[end - 2] == dot) { end -= 1 }
        return end
    }

    /// ``normalize(_:)`` for a hostname with non-ASCII characters, which never matches a rule but
    /// must normalize as it always did (by characters: a combining mark makes `.` another character).
    private static func normalizeCharacters(_ hostname: String) -> String {
        // ASCII case folding only: Unicode folding would turn the Kelvin sign into "k".
        let lowered =
            hostname.utf8.contains(where: isUppercase)
            ? String(decoding: hostname.utf8.map { isUppercase($0) ? $0 + 32 : $0 }, as: UTF8.self)
            : hostname
        var host = Substring(lowered)
        if !host.hasPrefix("["), let colon = host.utf8.firstIndex(of: UInt8(ascii: ":")) {
            guard host.utf8[host.utf8.index(after: colon)...].allSatisfy(isDigit) else { return lowered }
            host = host[..<colon]
        }
        if host.hasSuffix("."), !host.dropLast().hasSuffix(".") { host = host.dropLast() }
        return host.utf8.count == lowered.utf8.count ? lowered : String(host)
    }

    /// Whether a normalized host can match any rule: ASCII only (internationalized names must
    /// arrive in their punycode form) and no empty label.
    static func isMatchable(_ host: UnsafeBufferPointer<UInt8>) -> Bool {
        host.allSatisfy { $0 < 0x80 } && hasNoEmptyLabel(host)
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

    static func isIPv4(_ host: UnsafeBufferPointer<UInt8>) -> Bool {
        var octets = 0
        var digits = 0
        var value = 0
        for byte in host {
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

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isUppercase(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
}
