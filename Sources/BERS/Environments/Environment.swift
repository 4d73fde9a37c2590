/// The name of a deployment environment, such as `production`.
///
/// Only names of the environments a project knows can be made into an `Environment`:
/// the built-in `development`, `staging` and `production`, and the custom environments declared in
/// `bers.json`. A name is lowercase letters, digits, `-` and `_`, starting with a letter, at most 64
/// characters, because it also names layer files (`<env>.json`).
///
/// ```swift
/// let env = try Environment("staging", in: catalog)   // throws for "Staging" or "qa" if undeclared
/// ```
public struct Environment: Sendable, Hashable {
    /// The environment's name.
    public let name: String

    init(uncheckedName name: String) { self.name = name }

    /// The built-in development environment.
    public static let development = Environment(uncheckedName: "development")
    /// The built-in staging environment.
    public static let staging = Environment(uncheckedName: "staging")
    /// The built-in production environment.
    public static let production = Environment(uncheckedName: "production")

    /// The three built-in environments.
    public static let builtIn: [Environment] = [.development, .staging, .production]

    /// The environment called `name`, if `catalog` knows it.
    ///
    /// - Throws: ``ConfigError`` `config.invalid-environment-name` for a malformed name, or
    ///   `config.unknown-environment` for a well-formed name the catalog does not have.
    public init(_ name: String, in catalog: EnvironmentCatalog = .builtIn) throws(ConfigError) {
        self = try catalog.environment(named: name)
    }

    /// Whether `name` is well formed (it may still be unknown).
    public static func isValidName(_ name: String) -> Bool {
        let bytes = name.utf8
        guard let first = bytes.first, bytes.count <= 64, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") else {
            return false
        }
        return bytes.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
    }
}

extension Environment: CustomStringConvertible {
    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public var description: String { name }
}

extension Environment: Comparable {
    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public static func < (lhs: Environment, rhs: Environment) -> Bool { lhs.name < rhs.name }
}
