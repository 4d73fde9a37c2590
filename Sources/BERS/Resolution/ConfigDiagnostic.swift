import BERSJSON

/// A warning about a configuration that did not stop it from resolving.
public struct ConfigDiagnostic: Sendable, Hashable {
    /// A stable identifier of the kind of warning (the same codes as ``ConfigError``).
    public var code: ConfigError.Code
    /// One sentence saying what is odd and what to do.
    public var message: String
    /// Where, when known.
    public var location: SourceLocation?

    /// A diagnostic with these fields.
    public init(code: ConfigError.Code, message: String, location: SourceLocation? = nil) {
        self.code = code
        self.message = message
        self.location = location
    }
}

extension ConfigDiagnostic: CustomStringConvertible {
    /// `file:line:col: warning: message`, or `warning: message`.
    public var description: String {
        guard let location else { return "warning: \(message)" }
        return "\(location): warning: \(message)"
    }
}
