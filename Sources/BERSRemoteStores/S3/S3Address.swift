/// Where a request for a key goes: the URL, the `Host` header and the encoded path that is signed.
struct S3Address: Sendable, Hashable {
    /// The absolute URL, path encoded, no query.
    var url: String
    /// The `Host` header (`bucket.s3.us-east-1.amazonaws.com`, `127.0.0.1:5000`).
    var host: String
    /// The encoded path on the request line and in the canonical request.
    var encodedPath: String
}

extension S3Configuration {
    /// The address of an object (`fullKey`, prefix included) or, with `nil`, of the bucket itself.
    func address(forFullKey fullKey: String?) -> S3Address {
        let scheme = endpoint?.scheme ?? "https"
        let serviceHost = endpoint?.host ?? "s3.\(region).amazonaws.com"
        let portSuffix = endpoint?.port.map { ":\($0)" } ?? ""
        let basePath = endpoint?.path ?? ""
        let encodedKey = fullKey.map(AWSURIEncoding.encodePath) ?? ""
        let host: String
        let path: String
        switch effectiveAddressingStyle {
        case .path:
            host = serviceHost + portSuffix
            path = fullKey == nil ? "\(basePath)/\(bucket)" : "\(basePath)/\(bucket)/\(encodedKey)"
        case .virtualHosted:
            host = "\(bucket).\(serviceHost)\(portSuffix)"
            path = "\(basePath)/\(encodedKey)"
        }
        return S3Address(url: "\(scheme)://\(host)\(path)", host: host, encodedPath: path)
    }
}
