import BERS

/// An `http` or `https` URL without query or fragment: the base of an HTTP store, or an S3
/// endpoint override.
///
/// ```swift
/// let base = try HTTPEndpoint(parsing: "https://cdn.example.com/picasso")
/// base.url(forEncodedPath: "mappings/my87674d777bf9.json")  // "https://cdn.example.com/picasso/mappings/my87674d777bf9.json"
/// ```
public struct HTTPEndpoint: Sendable, Hashable {
    /// `http` or `https`.
    public let scheme: String
    /// The host, lower case; an IPv6 address keeps its brackets (`[::1]`).
    public let host: String
    /// The port, when the URL names one.
    public let port: Int?
    /// The base path without a trailing slash: `""` or `/picasso`.
    public let path: String

    /// Parses an endpoint URL.
    ///
    /// - Parameters:
    ///   - text: `https://host[:port][/path]`, or `http://…`.
    ///   - allowsInsecureRemoteHosts: Whether `http://` is accepted for hosts other than the
    ///     loopback ones (`localhost`, `127.0.0.0/8`, `[::1]`). Stores read from a URL given by a
    ///     user refuse it; an S3 endpoint override accepts it (as the AWS SDKs do).
    /// - Throws: ``TenantError`` `tenant.invalid-store` naming what is wrong.
    public init(parsing text: String, allowsInsecureRemoteHosts: Bool = false) throws(TenantError) {
        func fail(_ reason: String) -> TenantError {
            TenantError(.invalidStore, "The URL \(ObjectKey.quote(text)) is not a valid store URL: \(reason).")
        }
        guard let separator = text.firstRange(of: "://") else { throw fail("it has no scheme (https://…)") }
        let scheme = text[..<separator.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { throw fail("the scheme must be http or https") }
        let rest = text[separator.upperBound...]
        guard !rest.contains("?") else { throw fail("query strings are not supported") }
        guard !rest.contains("#") else { throw fail("fragments are not supported") }
        let authority = rest.prefix { $0 != "/" }
        let rawPath = rest.dropFirst(authority.count)
        guard !authority.contains("@") else { throw fail("user names and passwords do not belong in the URL") }
        guard !authority.isEmpty else { throw fail("the host is empty") }

        var hostPart = Substring(authority)
        var port: Int?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw fail("the IPv6 address has no ']'") }
            hostPart = authority[...close]
            let afterHost = authority[authority.index(after: close)...]
            if !afterHost.isEmpty {
                guard afterHost.hasPrefix(":") else { throw fail("unexpected text after the IPv6 address") }
                port = try Self.parsePort(afterHost.dropFirst(), fail: fail)
            }
            let address = hostPart.dropFirst().dropLast()
            guard !address.isEmpty, address.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else {
                throw fail("the IPv6 address is malformed")
            }
        } else if let colon = authority.lastIndex(of: ":") {
            hostPart = authority[..<colon]
            port = try Self.parsePort(authority[authority.index(after: colon)...], fail: fail)
        }
        let host = hostPart.lowercased()
        if !host.hasPrefix("[") {
            guard !host.isEmpty,
                host.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "." }),
                !host.hasPrefix("."), !host.hasPrefix("-"), !host.contains("..")
            else { throw fail("the host \(ObjectKey.quote(host)) is not a valid host name") }
        }

        var path = String(rawPath)
        while path.hasSuffix("/") { path.removeLast() }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@%/")
        guard path.allSatisfy({ allowed.contains($0) }) else {
            throw fail("the path contains characters that must be percent-encoded")
        }
        guard
            !PathText.segments(of: path).dropFirst()
                .contains(where: { $0.isEmpty || $0 == "." || $0 == ".." })
        else { throw fail("the path has an empty, '.' or '..' segment") }

        self.scheme = scheme
        self.host = host
        self.port = port
        self.path = path
        if scheme == "http", !allowsInsecureRemoteHosts, !isLoopback {
            throw fail("http:// is only allowed for loopback hosts (localhost, 127.0.0.1, [::1]); use https://")
        }
    }

    /// Whether the host is `localhost`, an address in `127.0.0.0/8`, or `[::1]`.
    public var isLoopback: Bool {
        if host == "localhost" || host == "[::1]" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// `host` or `host:port`, as sent in the `Host` header.
    public var authority: String {
        port.map { "\(host):\($0)" } ?? host
    }

    /// The URL as text, without a trailing slash.
    public var string: String { "\(scheme)://\(authority)\(path)" }

    /// The URL of an encoded path below the base: `string + "/" + encodedPath`.
    ///
    /// - Parameter encodedPath: A relative, already encoded path (no leading `/`).
    /// - Returns: The absolute URL.
    public func url(forEncodedPath encodedPath: String) -> String {
        "\(string)/\(encodedPath)"
    }

    private static func parsePort(
        _ text: Substring,
        fail: (String) -> TenantError
    ) throws(TenantError) -> Int {
        guard !text.isEmpty, text.count <= 5, text.allSatisfy(\.isASCII), let port = Int(text),
            (1...65535).contains(port)
        else { throw fail("the port \(ObjectKey.quote(String(text))) is not a number from 1 to 65535") }
        return port
    }
}

extension HTTPEndpoint: CustomStringConvertible {
    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public var description: String { string }
}
