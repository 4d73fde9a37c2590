/// What an encrypted value is bound to: the environment it was sealed for and, for a tenant
/// document, the tenant.
///
/// It is the authenticated data of AES-GCM, so a value sealed for staging
/// does not open in production.
///
/// Nothing time-based is bound (the original bound the current second, so nothing ever opened).
public struct SecretContext: Sendable, Hashable {
    /// The environment name.
    public var environment: String
    /// The tenant id, for values in tenant documents.
    public var tenant: String?

    /// A context for `environment` and, optionally, a tenant.
    public init(environment: String, tenant: String? = nil) {
        self.environment = environment
        self.tenant = tenant
    }

    /// The authenticated data for a value sealed with `keyID`:
    /// `enc:v1` NUL key id NUL environment NUL tenant (empty without one).
    public func authenticatedData(keyID: String) -> [UInt8] {
        var bytes = Array(SecretEnvelope.version.utf8)
        for part in [keyID, environment, tenant ?? ""] {
            bytes.append(0)
            bytes += part.utf8
        }
        return bytes
    }
}

extension SecretContext: CustomStringConvertible {
    /// `production`, or `production, tenant MYR384719`.
    public var description: String {
        tenant.map { "\(environment), tenant \($0)" } ?? environment
    }
}
