import BERSJSON

extension DetectionResult {
    /// `{"environment": …, "source": …, "confidence": …, "trace": [{"source", "value", "accepted", "reason"}]}`.
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
                        "reason": .string(step.reason),
                    ]
                }
            ),
        ]
    }
}
