import BERS
import BERSJSON

/// The `build.dotenv` section: which variables the dotenv artifact holds.
///
/// ```json
/// "dotenv": {"variables": {"PICASSO_API_BASE_URL": "api.baseUrl", "PICASSO_TIMEOUT": "api.timeout"}}
/// "dotenv": {"prefix": "PICASSO_"}
/// ```
///
/// Without `variables`, every leaf of the configuration becomes a variable named by its path:
/// segments split at camel case, upper-cased and joined by `__` (`api.rateLimit.window` →
/// `API__RATE_LIMIT__WINDOW`), behind `prefix`. Arrays and objects are written as JSON.
public struct DotenvSettings: Sendable, Hashable {
    /// The variables, in order; `nil` for every leaf.
    public var variables: [NamedValue]?
    /// The prefix of the automatic names.
    public var prefix: String

    /// Settings with these values.
    public init(variables: [NamedValue]? = nil, prefix: String = "") {
        self.variables = variables
        self.prefix = prefix
    }

    static func read(
        _ reader: SettingsReader,
        at pointer: JSONPointer,
        catalog: EnvironmentCatalog
    ) throws(BuildError) -> DotenvSettings {
        try reader.rejectUnknownKeys(at: pointer, allowed: ["variables", "prefix"])
        var settings = DotenvSettings()
        settings.variables = try NamedValue.readMap(reader, at: pointer.appending("variables"), catalog: catalog)
        for variable in settings.variables ?? [] where !DotenvName.isValid(variable.name) {
            throw reader.failAtKey(
                pointer.appending("variables").appending(variable.name),
                "\"\(variable.name)\" is not a variable name (letters, digits and _, not starting with a digit)",
                code: .invalidIdentifier
            )
        }
        if let prefix = try reader.string(at: pointer.appending("prefix")) {
            guard prefix.isEmpty || DotenvName.isValid(prefix) else {
                throw reader.fail(
                    pointer.appending("prefix"),
                    "\"\(prefix)\" cannot start a variable name",
                    code: .invalidIdentifier
                )
            }
            settings.prefix = prefix
        }
        return settings
    }
}
