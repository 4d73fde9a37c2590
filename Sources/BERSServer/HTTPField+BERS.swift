import HTTPTypes

extension HTTPField.Name {
    /// The generation a configuration response was rendered from.
    static let bersGeneration = constant("BERS-Generation")
    /// The environment of a configuration response.
    static let bersEnvironment = constant("BERS-Environment")
    /// Where the tenant document of a tenant response came from.
    static let bersTenantSource = constant("BERS-Tenant-Source")

    /// A header name written here as a valid token (the fallback is never taken).
    private static func constant(_ name: String) -> HTTPField.Name {
        HTTPField.Name(name) ?? .via
    }
}
