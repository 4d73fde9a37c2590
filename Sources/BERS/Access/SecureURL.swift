/// An `https` URL, checked when it is made: scheme, host and, optionally, an allowed-host list.
///
/// ```swift
/// let base = try SecureURL("https://chat.myrecruiter.ai/Master_Function")
/// try SecureURL("http://example.com")                                   // throws: not https
/// try SecureURL("https://evil.com", allowedHosts: ["chat.myrecruiter.ai"]) // throws: host not allowed
/// ```
/// A host is allowed when it equals an entry or, for an entry `*.example.com`, is a subdomain of
/// `example.com` (by whole labels, never by substring).
public struct SecureURL: Sendable, Hashable {
    /// The URL text, as given.
    public let text: String
    /// The host, lowercased.
    public let host: String

    /// Checks `text`.
    ///
    /// - Throws: ``ConfigError`` `config.invalid-url`.
    public init(_ text: String, allowedHosts: Set<String>? = nil) throws(ConfigError) {
        // User information (a password) is never repeated in a message.
        func invalid(_ why: String) -> ConfigError {
            ConfigError(.invalidURL, "\"\(SecureURL.redacted(text))\" \(why)")
        }
        guard text.lowercased().hasPrefix("https://") else { throw invalid("is not an https URL") }
        guard !text.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) else {
            throw invalid("contains white space or control characters")
        }
        let rest = text.dropFirst("https://".count)
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !authority.contains("@") else { throw invalid("must not carry user information") }
        var host = Substring(authority)
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { throw invalid("has an unterminated IPv6 address") }
            host = host[...close]
        } else if let colon = host.lastIndex(of: ":") {
            let port = host[host.index(after: colon)...]
            guard !port.isEmpty, port.allSatisfy(\.isASCIIDigit), (Int(port) ?? 70_000) <= 65_535 else {
                throw invalid("has an invalid port")
            }
            host = host[..<colon]
        }
        guard !host.isEmpty else { throw invalid("has no host") }
        let lowered = host.lowercased()
        guard
            lowered.hasPrefix("[")
                || lowered.split(separator: ".", omittingEmptySubsequences: false)
                    .allSatisfy({ label in
                        !label.isEmpty && label.count <= 63
                            && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
                    })
        else { throw invalid("has an invalid host \"\(host)\"") }
        if let allowedHosts {
            let allowed = allowedHosts.contains { entry in
                guard let pattern = try? HostnamePattern(entry) else { return false }
                return pattern.kind != .prefix && pattern.matches(lowered)
            }
            guard allowed else {
                throw invalid(
                    "has host \(lowered), which is not in the allowed list (\(allowedHosts.sorted().joined(separator: ", ")))"
                )
            }
        }
        self.text = text
        self.host = lowered
    }
}

extension SecureURL {
    /// `text` with any `user:password@` part replaced by `***@`.
    static func redacted(_ text: String) -> String {
        guard let scheme = text.firstRange(of: "://") else { return text }
        let rest = text[scheme.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard let at = authority.lastIndex(of: "@") else { return text }
        return String(text[..<scheme.upperBound]) + "***" + String(text[at...])
    }
}

extension SecureURL: CustomStringConvertible {
    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public var description: String { text }
}
