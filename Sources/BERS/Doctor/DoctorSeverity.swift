/// How serious a ``DoctorFinding`` is; the names are SARIF 2.1.0's result levels.
public enum DoctorSeverity: String, Sendable, Hashable, Comparable, CaseIterable {
    /// Not ready for this environment: `bers doctor` exits 1.
    case error
    /// Worth fixing; counts against the scores but does not fail the run.
    case warning
    /// Advice.
    case note

    private var rank: Int {
        switch self {
        case .error: 2
        case .warning: 1
        case .note: 0
        }
    }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public static func < (lhs: DoctorSeverity, rhs: DoctorSeverity) -> Bool { lhs.rank < rhs.rank }
}

/// The kind of environment a check is judged for: the built-in environment at the root of its
/// lineage (`qa` inheriting from `staging` is judged as staging).
public enum DoctorStage: String, Sendable, Hashable, CaseIterable {
    /// `development` and environments inheriting from it.
    case development
    /// `staging` and environments inheriting from it.
    case staging
    /// `production` and environments inheriting from it.
    case production
}

/// Which of the two readiness scores a rule counts against.
public enum DoctorScore: String, Sendable, Hashable {
    /// The security score.
    case security
    /// The performance score.
    case performance
}
