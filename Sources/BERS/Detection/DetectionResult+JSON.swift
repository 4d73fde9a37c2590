import BERSJSON

extension DetectionResult {
    /// `{"environment": …, "source": …, "confidence": …, "trace": [{"source", "value", "accepted", "outcome",
    /// "reason"}]}`.
    public var jsonValue: JSONValue {
        [
            "environment": .string(environment.name),
            "source": .string(source.rawValue),
            "confidence": .string(confidence.rawValue),
            "trace": .array(
                trace.map { step in
                    [
                        "source": .string(step.source.rawValue),
                        "value": step.value.map(JSONValue.string) ?? .null,
                        "accepted": .bool(step.accepted),
                        "outcome": .string(step.outcome.rawValue),
                        "reason": .string(step.reason),
                    ]
                }
            ),
        ]
    }
}
