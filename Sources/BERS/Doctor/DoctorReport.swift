/// What `bers doctor` found for one environment, with the two readiness scores.
///
/// Each score starts at 100 and loses each unsuppressed finding's penalty, down to 0. The
/// environment is ready when no unsuppressed finding is an error and both scores are at least 80
/// (the original's rule, section 9.4).
public struct DoctorReport: Sendable {
    /// The environment examined.
    public let environment: Environment
    /// The kind of environment it was judged as.
    public let stage: DoctorStage
    /// Every finding, suppressed ones included, most serious first.
    public let findings: [DoctorFinding]

    /// A report of `findings`, ordered most serious first, then by file position.
    public init(environment: Environment, stage: DoctorStage, findings: [DoctorFinding]) {
        self.environment = environment
        self.stage = stage
        self.findings = findings.sorted(by: DoctorReport.precedes)
    }

    /// The findings no `doctor.ignore` entry accepts.
    public var activeFindings: [DoctorFinding] { findings.filter { !$0.isSuppressed } }

    /// The security score, 0 to 100.
    public var securityScore: Int { score(.security) }

    /// The performance score, 0 to 100.
    public var performanceScore: Int { score(.performance) }

    /// Whether an unsuppressed finding is an error (`bers doctor` then exits 1).
    public var hasErrors: Bool { activeFindings.contains { $0.severity == .error } }

    /// Whether the environment is ready: no errors and both scores at least 80.
    public var isReady: Bool { !hasErrors && securityScore >= 80 && performanceScore >= 80 }

    /// How many unsuppressed findings have `severity`.
    public func count(_ severity: DoctorSeverity) -> Int {
        activeFindings.count { $0.severity == severity }
    }

    private func score(_ kind: DoctorScore) -> Int {
        let lost = activeFindings.filter { $0.rule.score == kind }.reduce(0) { $0 + $1.rule.penalty }
        return max(0, 100 - lost)
    }

    private static func precedes(_ lhs: DoctorFinding, _ rhs: DoctorFinding) -> Bool {
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        let left = (lhs.location?.file ?? "", lhs.location?.line ?? 0, lhs.location?.column ?? 0)
        let right = (rhs.location?.file ?? "", rhs.location?.line ?? 0, rhs.location?.column ?? 0)
        if left != right { return left < right }
        return (lhs.code, lhs.pointer?.description ?? "") < (rhs.code, rhs.pointer?.description ?? "")
    }
}
