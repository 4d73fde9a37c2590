/// The issues of one tenant document.
public struct TenantValidationReport: Sendable {
    /// Problems that make the document invalid.
    public let errors: [TenantIssue]
    /// Things that do not invalidate the document now (a pending migration).
    public let warnings: [TenantIssue]

    /// Whether the document has no errors.
    public var isValid: Bool { errors.isEmpty }
}
