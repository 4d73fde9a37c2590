import BERSJSON

extension DoctorReport {
    /// The report as a SARIF 2.1.0 log (`bers doctor --format sarif`), for code-scanning
    /// annotations in CI: every rule in `tool.driver.rules`, one result per finding located at
    /// the file that set the value (or `fallbackFile` when there is none), accepted findings with
    /// an external suppression carrying the reason, and the scores in the run's properties.
    public func sarif(toolVersion: String, fallbackFile: String) -> JSONValue {
        let rules = DoctorRule.all
        let driver: JSONValue = .object([
            "name": "bers",
            "fullName": "bers doctor",
            "version": .string(toolVersion),
            "rules": .array(rules.map(\.sarifDescriptor)),
        ])
        let results = findings.map { finding in
            finding.sarifResult(ruleIndex: rules.firstIndex(of: finding.rule) ?? 0, fallbackFile: fallbackFile)
        }
        let run: JSONValue = .object([
            "tool": .object(["driver": driver]),
            "results": .array(results),
            // Columns count Unicode scalars, as every BERS location does.
            "columnKind": "unicodeCodePoints",
            "properties": .object([
                "environment": .string(environment.name),
                "securityScore": .integer(Int64(securityScore)),
                "performanceScore": .integer(Int64(performanceScore)),
                "ready": .bool(isReady),
            ]),
        ])
        return .object([
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": .array([run]),
        ])
    }
}

extension DoctorRule {
    /// The rule as a SARIF `reportingDescriptor`.
    fileprivate var sarifDescriptor: JSONValue {
        var properties: [(String, JSONValue)] = []
        if let score {
            properties.append(("score", .string(score.rawValue)))
            properties.append(("penalty", .integer(Int64(penalty))))
        }
        let level = severity(in: .production) ?? severity(in: .staging) ?? .note
        return .object([
            "id": .string(code),
            "shortDescription": .object(["text": .string(title)]),
            "help": .object(["text": .string(hint)]),
            "defaultConfiguration": .object(["level": .string(level.rawValue)]),
            "properties": .object(JSONObject(properties)),
        ])
    }
}

extension DoctorFinding {
    fileprivate func sarifResult(ruleIndex: Int, fallbackFile: String) -> JSONValue {
        var physical: [(String, JSONValue)] = [
            ("artifactLocation", .object(["uri": .string(Self.uriReference(location?.file ?? fallbackFile))]))
        ]
        if let location {
            physical.append(
                (
                    "region",
                    .object([
                        "startLine": .integer(Int64(location.line)), "startColumn": .integer(Int64(location.column)),
                    ])
                )
            )
        }
        var place: [(String, JSONValue)] = [("physicalLocation", .object(JSONObject(physical)))]
        if let pointer {
            place.append(
                (
                    "logicalLocations",
                    .array([.object(["fullyQualifiedName": .string(pointer.description), "kind": "member"])])
                )
            )
        }
        var members: [(String, JSONValue)] = [
            ("ruleId", .string(code)), ("ruleIndex", .integer(Int64(ruleIndex))), ("level", .string(severity.rawValue)),
            ("message", .object(["text": .string("\(message). Fix: \(hint)")])),
            ("locations", .array([.object(JSONObject(place))])),
        ]
        if let suppression {
            members.append(
                (
                    "suppressions",
                    .array([.object(["kind": "external", "status": "accepted", "justification": .string(suppression)])])
                )
            )
        }
        return .object(JSONObject(members))
    }

    /// A file path as a URI reference (relative, or `file://` for an absolute path): bytes
    /// outside the unreserved set and `/` are percent-encoded.
    static func uriReference(_ path: String) -> String {
        var text = PathText.isAbsolute(path) ? "file://" : ""
        for byte in path.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 0x80,
                scalar.properties.isAlphabetic || ("0"..."9").contains(Character(scalar))
                    || "-._~/".unicodeScalars.contains(scalar)
            {
                text.unicodeScalars.append(scalar)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                text += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return text
    }
}
