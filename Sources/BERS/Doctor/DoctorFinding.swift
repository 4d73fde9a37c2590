import BERSJSON

/// One finding of `bers doctor`: which rule, how serious, where, and how to fix it.
///
/// A finding about a credential-like value names its place and kind, never the value.
public struct DoctorFinding: Sendable, Hashable {
    /// The rule that found it.
    public var rule: DoctorRule
    /// Its severity in the environment examined.
    public var severity: DoctorSeverity
    /// What is wrong, in one sentence.
    public var message: String
    /// The configuration value concerned, when there is one.
    public var pointer: JSONPointer?
    /// The `file:line:col` that set the value (or of the setting or schema concerned).
    public var location: SourceLocation?
    /// Why the finding is accepted, when a `doctor.ignore` entry of `bers.json` covers it.
    public var suppression: String?

    /// A finding with these fields.
    public init(
        rule: DoctorRule,
        severity: DoctorSeverity,
        message: String,
        pointer: JSONPointer? = nil,
        location: SourceLocation? = nil,
        suppression: String? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.pointer = pointer
        self.location = location
        self.suppression = suppression
    }

    /// The rule's stable code.
    public var code: String { rule.code }
    /// How to fix it.
    public var hint: String { rule.hint }
    /// Whether a `doctor.ignore` entry accepts it.
    public var isSuppressed: Bool { suppression != nil }
}
