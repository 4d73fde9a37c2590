import BERSJSON

/// A `{"$secret": "env:NAME"}` or `{"$secret": "file:/path"}` value in a layer: the secret is
/// read when the configuration is resolved, never written into the layer file.
public enum SecretReference: Sendable, Hashable {
    /// An environment variable (from ``ResolveOptions/environmentVariables``).
    case variable(String)
    /// A file; a relative path starts at the config directory. One trailing newline is dropped.
    case file(String)

    /// The key that makes an object a reference.
    public static let key = "$secret"

    /// Parses the text of a `$secret` member.
    ///
    /// - Throws: ``ConfigError`` `secret.unresolved` for another scheme or an empty name.
    public init(parsing text: String) throws(ConfigError) {
        if text.hasPrefix("env:"), text.utf8.count > 4 {
            self = .variable(String(text.dropFirst(4)))
        } else if text.hasPrefix("file:"), text.utf8.count > 5 {
            self = .file(String(text.dropFirst(5)))
        } else {
            throw ConfigError(
                .unresolvedSecret,
                "a secret reference must be {\"$secret\": \"env:NAME\"} or {\"$secret\": \"file:/path\"}"
            )
        }
    }
}

extension SecretReference: CustomStringConvertible {
    /// `env:NAME` or `file:/path`.
    public var description: String {
        switch self {
        case .variable(let name): "env:\(name)"
        case .file(let path): "file:\(path)"
        }
    }
}
