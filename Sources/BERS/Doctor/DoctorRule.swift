/// One check of `bers doctor`: a stable code, what it looks for, how serious it is in each kind of
/// environment, what it costs the readiness scores, and how to fix it.
///
/// Codes never change meaning between releases; ``DoctorRule/all`` lists every rule (SARIF's
/// `tool.driver.rules`).
public struct DoctorRule: Sendable, Hashable {
    /// The stable code, such as `doctor.insecure-url`.
    public let code: String
    /// A one-line description of what the rule finds.
    public let title: String
    /// The score a finding lowers, if any.
    public let score: DoctorScore?
    /// How many points one finding takes off that score.
    public let penalty: Int
    /// The severity in development, staging and production environments; `nil` where the rule
    /// does not apply.
    public let severities: [DoctorStage: DoctorSeverity]
    /// How to fix a finding.
    public let hint: String

    /// The severity of a finding in an environment of `stage`, or `nil` when the rule does not
    /// apply there.
    public func severity(in stage: DoctorStage) -> DoctorSeverity? { severities[stage] }

    /// The rule with `code`, if there is one.
    public static func named(_ code: String) -> DoctorRule? { all.first { $0.code == code } }

    init(
        _ code: String,
        _ title: String,
        score: DoctorScore? = nil,
        penalty: Int = 0,
        development: DoctorSeverity? = nil,
        staging: DoctorSeverity? = nil,
        production: DoctorSeverity?,
        hint: String
    ) {
        self.code = code
        self.title = title
        self.score = score
        self.penalty = penalty
        var severities: [DoctorStage: DoctorSeverity] = [:]
        severities[.development] = development
        severities[.staging] = staging
        severities[.production] = production
        self.severities = severities
        self.hint = hint
    }
}
