/// Where a configuration layer comes from.
public struct LayerSource: Sendable, Hashable {
    /// The kinds of layers, lowest precedence first.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// `default.*`: values every environment shares.
        case defaults = "default"
        /// `<env>.*` of an ancestor of a custom environment, or of the environment itself.
        case environment
        /// `local.*`: this machine's values, never committed.
        case local
        /// `<env>.local.*`: this machine's values for one environment.
        case environmentLocal = "environment-local"
        /// A `BERS__…` environment variable.
        case environmentVariable = "env-variable"
        /// A `--set path=value` argument (or an API override).
        case commandLine = "set"
        /// A tenant's configuration (paths the project allows tenants to override).
        case tenant
    }

    /// The kind of layer.
    public var kind: Kind
    /// Its name: `default`, `production`, `local`, `production.local`, the variable name, or
    /// `--set api.timeout`.
    public var name: String
    /// The file it was read from, as a path under the config directory, if any.
    public var file: String?

    /// A layer source with these fields.
    public init(kind: Kind, name: String, file: String? = nil) {
        self.kind = kind
        self.name = name
        self.file = file
    }
}

extension LayerSource: CustomStringConvertible {
    /// `production (config/production.json)`, `env BERS__API__TIMEOUT`, `--set api.timeout`.
    public var description: String {
        switch kind {
        case .environmentVariable: "env \(name)"
        case .commandLine: name
        default: file.map { "\(name) (\($0))" } ?? name
        }
    }
}
