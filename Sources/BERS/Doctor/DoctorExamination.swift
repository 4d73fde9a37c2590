import BERSJSON

/// One run of `bers doctor` over one environment: the findings collected so far.
struct DoctorExamination {
    let project: ConfigProject
    let configuration: ResolvedConfiguration
    let stage: DoctorStage
    /// Every scalar of the configuration, walked once for all the rules.
    let values: [DoctorValue]
    private(set) var findings: [DoctorFinding] = []

    init(project: ConfigProject, configuration: ResolvedConfiguration, stage: DoctorStage) {
        self.project = project
        self.configuration = configuration
        self.stage = stage
        self.values = configuration.doctorValues()
    }

    /// Records a finding of `rule` when the rule applies to this kind of environment.
    mutating func add(_ rule: DoctorRule, _ message: String, pointer: JSONPointer? = nil, location: SourceLocation?) {
        guard let severity = rule.severity(in: stage) else { return }
        findings.append(
            DoctorFinding(rule: rule, severity: severity, message: message, pointer: pointer, location: location)
        )
    }

    /// The location of a setting in `bers.json`, or of its nearest written ancestor.
    func settingLocation(_ pointer: JSONPointer) -> SourceLocation? {
        project.settings.document?.nearestLocation(of: pointer)
    }

    /// The report: findings an ignore entry covers are marked with its reason, and every ignore
    /// entry that covers nothing becomes a note.
    func report() -> DoctorReport {
        let environment = configuration.environment
        let entries = project.settings.doctor.ignore
        var used = Set<Int>()
        var marked = findings.map { finding in
            var finding = finding
            if let index = entries.firstIndex(where: { $0.covers(finding, in: environment) }) {
                finding.suppression = entries[index].reason
                used.insert(index)
            }
            return finding
        }
        for (index, entry) in entries.enumerated() where !used.contains(index) {
            // An entry for a rule that does not apply to this kind of environment is not unused.
            guard entry.environments.map({ $0.contains(environment.name) }) ?? true,
                DoctorRule.named(entry.code)?.severity(in: stage) != nil,
                let severity = DoctorRule.unusedIgnore.severity(in: stage)
            else { continue }
            marked.append(
                DoctorFinding(
                    rule: .unusedIgnore,
                    severity: severity,
                    message:
                        "the ignore entry for \(entry.code)\(entry.pointer.map { " at \($0)" } ?? "") matched no finding",
                    location: entry.location
                )
            )
        }
        return DoctorReport(environment: environment, stage: stage, findings: marked)
    }
}
