/// The parts of a URL-like configuration value that doctor rules judge.
///
/// Scheme, user info and host; only absolute `scheme://` values are URLs here, templates
/// (`{api.baseUrl}/x`) are not.
struct URLText: Sendable, Hashable {
    /// The scheme, lowercased (`http`).
    let scheme: String
    /// The host, lowercased, without brackets, port or user info; empty when it is a template.
    let host: String
    /// The password of `user:password@`, when one is written.
    let password: Substring?

    init?(_ text: String) {
        guard let separator = text.range(of: "://") else { return nil }
        let scheme = text[..<separator.lowerBound]
        guard let first = scheme.first, first.isLetter,
            scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." })
        else { return nil }
        self.scheme = scheme.lowercased()
        let rest = text[separator.upperBound...]
        var authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        var password: Substring?
        // A password may hold `/`, `#` or `@` unencoded: user info runs to the last `@` before the
        // query when a `:` comes before it.
        let beforeQuery = rest.prefix { $0 != "?" }
        if let at = beforeQuery.lastIndex(of: "@"), let colon = beforeQuery[..<at].firstIndex(of: ":") {
            password = beforeQuery[beforeQuery.index(after: colon)..<at]
            authority = beforeQuery[beforeQuery.index(after: at)...].prefix { $0 != "/" && $0 != "#" }
        } else if let at = authority.lastIndex(of: "@") {
            authority = authority[authority.index(after: at)...]
        }
        self.password = password
        self.host = Self.host(of: authority)
    }

    /// Whether the host is localhost, a loopback, private, link-local or unspecified address, or
    /// a name under `.local`, `.internal`, `.lan` or `.localhost`.
    var isPrivateHost: Bool {
        guard !host.isEmpty else { return false }
        if host == "localhost" || host == "::1" || host == "::" || host == "0.0.0.0" { return true }
        for suffix in [".localhost", ".local", ".internal", ".lan", ".home.arpa"] where host.hasSuffix(suffix) {
            return true
        }
        if let octets = Self.ipv4(host) { return Self.isPrivate(octets) }
        if host.contains(":") {
            return host.hasPrefix("fc") || host.hasPrefix("fd") || host.hasPrefix("fe80:")
        }
        return false
    }

    private static func host(of hostAndPort: Substring) -> String {
        if hostAndPort.hasPrefix("[") {
            let inside = hostAndPort.dropFirst().prefix { $0 != "]" }
            return inside.lowercased()
        }
        let host = hostAndPort.prefix { $0 != ":" }
        // A template host (`{host}`, `${HOST}`) is not judged.
        if host.contains(where: { $0 == "{" || $0 == "$" || $0 == "<" }) { return "" }
        return host.lowercased()
    }

    private static func ipv4(_ host: String) -> [Int]? {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        let octets = parts.compactMap { part in Int(part).flatMap { (0...255).contains($0) ? $0 : nil } }
        return octets.count == 4 ? octets : nil
    }

    private static func isPrivate(_ octets: [Int]) -> Bool {
        switch (octets[0], octets[1]) {
        case (10, _), (127, _), (0, _): true
        case (172, 16...31), (192, 168), (169, 254): true
        case (100, 64...127): true  // carrier-grade NAT
        default: false
        }
    }
}
