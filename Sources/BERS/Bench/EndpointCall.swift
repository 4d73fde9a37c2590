/// One endpoint of a configuration with sample values for every parameter it takes, what the URL
/// operation of `bers bench` expands.
struct EndpointCall: Sendable {
    /// The endpoint's name.
    let name: String
    /// A value for each required and optional parameter.
    let parameters: [String: String]

    /// The call of `endpoint`: a parameter whose name mentions a tenant or a hash gets
    /// `tenantHash`, one mentioning a path gets `assets/logo.png`, any other `sample`.
    init(_ endpoint: Endpoint, tenantHash: String) {
        name = endpoint.name
        var parameters: [String: String] = [:]
        for parameter in endpoint.parameters {
            let lowered = parameter.lowercased()
            parameters[parameter] =
                lowered.contains("tenant") || lowered.contains("hash")
                ? tenantHash : lowered.contains("path") ? "assets/logo.png" : "sample"
        }
        self.parameters = parameters
    }
}
