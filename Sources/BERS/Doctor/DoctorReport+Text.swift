extension DoctorReport {
    /// The report as `bers doctor` prints it: one `file:line:col: severity: message [code]` line
    /// per finding with its fix below, accepted findings with their reason, then the scores.
    public var text: String {
        var lines: [String] = []
        for finding in findings {
            let place = finding.location.map { "\($0): " } ?? ""
            let label = finding.isSuppressed ? "accepted \(finding.severity.rawValue)" : finding.severity.rawValue
            lines.append("\(place)\(label): \(finding.message) [\(finding.code)]")
            if let reason = finding.suppression {
                lines.append("    reason: \(reason)")
            } else {
                lines.append("    fix: \(finding.hint)")
            }
        }
        lines.append(summary)
        return lines.joined(separator: "\n")
    }

    /// `production: security 70/100, performance 100/100: not ready (1 error, 2 warnings, 0 notes, 1 accepted)`.
    public var summary: String {
        let accepted = findings.count - activeFindings.count
        let counts = [
            Self.plural(count(.error), "error"), Self.plural(count(.warning), "warning"),
            Self.plural(count(.note), "note"), "\(accepted) accepted",
        ]
        return "\(environment.name): security \(securityScore)/100, performance \(performanceScore)/100: "
            + "\(isReady ? "ready" : "not ready") (\(counts.joined(separator: ", ")))"
    }

    private static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}
