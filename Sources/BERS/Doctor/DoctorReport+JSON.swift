import BERSJSON

extension DoctorReport {
    /// The report as `bers doctor --json` prints it: environment, readiness, both scores, counts,
    /// and every finding with its code, severity, message, pointer, location, hint, score penalty
    /// and, when accepted, the reason.
    public var jsonValue: JSONValue {
        .object([
            "environment": .string(environment.name),
            "stage": .string(stage.rawValue),
            "ready": .bool(isReady),
            "scores": .object([
                "security": .integer(Int64(securityScore)), "performance": .integer(Int64(performanceScore)),
            ]),
            "counts": .object([
                "error": .integer(Int64(count(.error))),
                "warning": .integer(Int64(count(.warning))),
                "note": .integer(Int64(count(.note))),
                "accepted": .integer(Int64(findings.count - activeFindings.count)),
            ]),
            "findings": .array(findings.map(\.jsonValue)),
        ])
    }
}

extension DoctorFinding {
    /// The finding as one element of `bers doctor --json`'s `findings`.
    public var jsonValue: JSONValue {
        var members: [(String, JSONValue)] = [
            ("code", .string(code)), ("severity", .string(severity.rawValue)), ("message", .string(message)),
        ]
        if let pointer { members.append(("pointer", .string(pointer.description))) }
        if let location {
            members.append(("location", .string(location.description)))
            members.append(("file", .string(location.file)))
            members.append(("line", .integer(Int64(location.line))))
            members.append(("column", .integer(Int64(location.column))))
        }
        members.append(("hint", .string(hint)))
        if let score = rule.score {
            members.append(("score", .string(score.rawValue)))
            members.append(("penalty", .integer(Int64(rule.penalty))))
        }
        if let suppression { members.append(("accepted", .string(suppression))) }
        return .object(JSONObject(members))
    }
}
