/// The result of validating a configuration against the schema `bers.json` names.
public enum ValidationOutcome: Sendable, Hashable {
    /// `bers.json` names no schema.
    case noSchema
    /// The configuration satisfies the schema at this path (relative to the config directory).
    case valid(schema: String)
    /// It does not: every failure, `file:line:col: /pointer: message`.
    case invalid(schema: String, messages: [String])

    /// Whether the build may go on.
    public var isValid: Bool {
        if case .invalid = self { return false }
        return true
    }

    /// `valid against schemas/app.schema.json`, `no schema`, `INVALID against … (2 problems)`.
    public var summary: String {
        switch self {
        case .noSchema: "no schema in bers.json"
        case .valid(let schema): "valid against \(schema)"
        case .invalid(let schema, let messages):
            "INVALID against \(schema) (\(messages.count) problem\(messages.count == 1 ? "" : "s"))"
        }
    }
}
