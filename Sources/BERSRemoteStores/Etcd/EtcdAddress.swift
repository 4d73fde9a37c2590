import BERS

/// Where an etcd store is: one or more endpoints of one cluster, tried in order, and a key prefix.
///
/// `etcd://host[:port][,host[:port]…]/prefix` speaks plain HTTP to etcd's v3 JSON gateway (for
/// loopback or a private network); `etcds://…` speaks HTTPS. The port defaults to 2379. Keys are
/// the prefix plus the store key: `etcd://127.0.0.1:2379/picasso` keeps
/// `picasso/mappings/<hash>.json`.
///
/// ```swift
/// let address = try EtcdAddress(parsing: "etcd://10.0.0.1:2379,10.0.0.2:2379/picasso")
/// address.endpoints.count   // 2
/// address.keyPrefix         // "picasso/"
/// ```
public struct EtcdAddress: Sendable, Hashable, CustomStringConvertible {
    /// The cluster's endpoints, in the order they are tried.
    public let endpoints: [HTTPEndpoint]
    /// The key prefix: empty, or ending with `/`.
    public let keyPrefix: String

    /// Parses an etcd store URL.
    ///
    /// - Throws: ``TenantError`` `tenant.invalid-store` naming what is wrong: a missing host, a
    ///   bad port, a query or fragment, credentials in the URL, a `..` segment in the prefix.
    public init(parsing text: String) throws(TenantError) {
        func fail(_ reason: String) -> TenantError {
            TenantError(.invalidStore, "The URL \(ObjectKey.quote(text)) is not a valid etcd store URL: \(reason).")
        }
        let lowered = text.lowercased()
        let scheme: String
        if lowered.hasPrefix("etcd://") {
            scheme = "http"
        } else if lowered.hasPrefix("etcds://") {
            scheme = "https"
        } else {
            throw fail("it must start with etcd:// or etcds://")
        }
        let rest = text.drop { $0 != "/" }.dropFirst(2)
        guard !rest.contains("?") else { throw fail("query strings are not supported") }
        guard !rest.contains("#") else { throw fail("fragments are not supported") }
        let authority = rest.prefix { $0 != "/" }
        guard !authority.contains("@") else { throw fail("user names and passwords do not belong in the URL") }
        let hosts = authority.split(separator: ",", omittingEmptySubsequences: false)
        guard !authority.isEmpty, !hosts.contains(where: \.isEmpty) else { throw fail("a host is empty") }
        var endpoints: [HTTPEndpoint] = []
        for host in hosts {
            let withPort = host.hasSuffix("]") || !host.contains(":") ? "\(host):2379" : String(host)
            endpoints.append(try HTTPEndpoint(parsing: "\(scheme)://\(withPort)", allowsInsecureRemoteHosts: true))
        }
        var prefix = String(rest.dropFirst(authority.count).drop { $0 == "/" })
        while prefix.hasSuffix("/") { prefix.removeLast() }
        if !prefix.isEmpty { prefix += "/" }
        try ObjectKey.validatePrefix(prefix, store: "etcd://\(authority)", code: .invalidStore)
        self.endpoints = endpoints
        self.keyPrefix = prefix
    }

    /// `etcd://host:port,host:port/prefix`, as parsed (the port made explicit).
    public var description: String {
        let scheme = endpoints.first?.scheme == "https" ? "etcds" : "etcd"
        let hosts = endpoints.map(\.authority).joined(separator: ",")
        return "\(scheme)://\(hosts)/\(keyPrefix.dropLast(keyPrefix.isEmpty ? 0 : 1))"
    }
}
