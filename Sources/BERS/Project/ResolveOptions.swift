/// What to apply on top of a project's layer files when resolving.
public struct ResolveOptions: Sendable {
    /// The process environment (or any map); only variables starting with the project's override
    /// prefix (`BERS__` by default) are used.
    public var environmentVariables: [String: String]
    /// `path=value` assignments applied last, in order (`--set` on the command line).
    public var assignments: [String]
    /// Whether to read `local.*` and `<env>.local.*` (off for reproducible builds).
    public var includeLocalLayers: Bool
    /// The keys that open encrypted values (`enc:v1:…`); without a keyring they stay sealed:
    /// secret, shown as `<redacted>`, and an error when a program reads them.
    public var secretKeyring: (any SecretKeyring)?

    /// Options with these values; by default nothing is applied on top of the files.
    public init(
        environmentVariables: [String: String] = [:],
        assignments: [String] = [],
        includeLocalLayers: Bool = true,
        secretKeyring: (any SecretKeyring)? = nil
    ) {
        self.secretKeyring = secretKeyring
        self.environmentVariables = environmentVariables
        self.assignments = assignments
        self.includeLocalLayers = includeLocalLayers
    }
}
