import BERSJSON

extension BenchReport {
    /// The report as JSON: the figures in milliseconds, megabytes and percentages, with the ratings
    /// and the verdict (which reading it back recomputes).
    public var jsonValue: JSONValue {
        var object: JSONObject = [
            "environment": .string(environment), "iterations": .integer(Int64(iterations)),
            "verdict": .string(verdict.rawValue), "operations": .array(operations.map(\.jsonValue)),
        ]
        if let memory { object["memory"] = memory.jsonValue }
        object["success"] = success.jsonValue
        object["skipped"] = .array(skipped.map { ["name": .string($0.name), "reason": .string($0.reason)] })
        return .object(object)
    }

    /// Reads a report written by ``jsonValue`` at `base`.
    init(reader: DocumentReader, at base: JSONPointer) throws(ConfigError) {
        try reader.rejectUnknownKeys(
            at: base,
            allowed: ["environment", "iterations", "verdict", "operations", "memory", "success", "skipped"]
        )
        self.init(
            environment: try reader.requiredString(at: base.appending("environment")),
            iterations: try reader.requiredInteger(at: base.appending("iterations"), range: 1...Int64(Int32.max))
        )
        for index in try reader.array(at: base.appending("operations")).indices {
            operations.append(
                try BenchOperationReport(reader: reader, at: base.appending("operations").appending(index: index))
            )
        }
        if reader.value(at: base.appending("memory")) != nil {
            memory = try MemoryGrowth(reader: reader, at: base.appending("memory"))
        }
        let success = base.appending("success")
        try reader.rejectUnknownKeys(
            at: success,
            allowed: ["calls", "failures", "percent", "target-percent", "warning-percent", "rating"]
        )
        successThreshold = KPIThreshold(
            target: try reader.requiredNumber(at: success.appending("target-percent")),
            warning: try reader.requiredNumber(at: success.appending("warning-percent"))
        )
        for index in try reader.array(at: base.appending("skipped")).indices {
            let entry = base.appending("skipped").appending(index: index)
            try reader.rejectUnknownKeys(at: entry, allowed: ["name", "reason"])
            skipped.append(
                Skipped(
                    name: try reader.requiredString(at: entry.appending("name")),
                    reason: try reader.requiredString(at: entry.appending("reason"))
                )
            )
        }
    }
}

extension BenchOperationReport {
    /// The operation as JSON (`median-ms`, `target-ms`, `rating`, …).
    public var jsonValue: JSONValue {
        var object: JSONObject = [
            "name": .string(operation.rawValue), "samples": .integer(Int64(latency.count)),
            "failures": .integer(Int64(failures)), "success-percent": .double(successPercent),
            "mean-ms": .double(latency.mean), "median-ms": .double(latency.median), "p95-ms": .double(latency.p95),
            "p99-ms": .double(latency.p99), "min-ms": .double(latency.min), "max-ms": .double(latency.max),
            "target-ms": .double(threshold.target), "warning-ms": .double(threshold.warning),
            "rating": .string(rating.rawValue),
        ]
        if let firstFailure { object["first-failure"] = .string(firstFailure) }
        return .object(object)
    }

    private static let keys = [
        "name", "samples", "failures", "success-percent", "mean-ms", "median-ms", "p95-ms", "p99-ms", "min-ms",
        "max-ms", "target-ms", "warning-ms", "rating", "first-failure",
    ]

    /// Reads an operation written by ``jsonValue`` at `base`.
    init(reader: DocumentReader, at base: JSONPointer) throws(ConfigError) {
        try reader.rejectUnknownKeys(at: base, allowed: Self.keys)
        let name = try reader.requiredString(at: base.appending("name"))
        guard let operation = BenchOperation(rawValue: name) else {
            let known = BenchOperation.allCases.map(\.rawValue).joined(separator: ", ")
            throw reader.fail(base.appending("name"), "unknown operation \"\(name)\" (known: \(known))")
        }
        func number(_ key: String) throws(ConfigError) -> Double { try reader.requiredNumber(at: base.appending(key)) }
        let latency = LatencyStatistics(
            count: try reader.requiredInteger(at: base.appending("samples")),
            mean: try number("mean-ms"),
            median: try number("median-ms"),
            p95: try number("p95-ms"),
            p99: try number("p99-ms"),
            min: try number("min-ms"),
            max: try number("max-ms")
        )
        self.init(
            operation: operation,
            latency: latency,
            failures: try reader.requiredInteger(at: base.appending("failures")),
            firstFailure: try reader.string(at: base.appending("first-failure")),
            threshold: KPIThreshold(target: try number("target-ms"), warning: try number("warning-ms"))
        )
    }
}

extension MemoryGrowth {
    /// The growth as JSON (`growth-mb`, `target-mb`, `rating`, …).
    public var jsonValue: JSONValue {
        [
            "resolves": .integer(Int64(resolves)), "before-bytes": .integer(Int64(beforeBytes)),
            "after-bytes": .integer(Int64(afterBytes)), "growth-mb": .double(megabytes),
            "target-mb": .double(threshold.target), "warning-mb": .double(threshold.warning),
            "rating": .string(rating.rawValue),
        ]
    }

    /// Reads a growth written by ``jsonValue`` at `base`.
    init(reader: DocumentReader, at base: JSONPointer) throws(ConfigError) {
        try reader.rejectUnknownKeys(
            at: base,
            allowed: ["resolves", "before-bytes", "after-bytes", "growth-mb", "target-mb", "warning-mb", "rating"]
        )
        self.init(
            resolves: try reader.requiredInteger(at: base.appending("resolves")),
            beforeBytes: try reader.requiredInteger(at: base.appending("before-bytes")),
            afterBytes: try reader.requiredInteger(at: base.appending("after-bytes")),
            threshold: KPIThreshold(
                target: try reader.requiredNumber(at: base.appending("target-mb")),
                warning: try reader.requiredNumber(at: base.appending("warning-mb"))
            )
        )
    }
}

extension SuccessRate {
    /// The rate as JSON (`percent`, `target-percent`, `rating`, …).
    public var jsonValue: JSONValue {
        [
            "calls": .integer(Int64(calls)), "failures": .integer(Int64(failures)), "percent": .double(percent),
            "target-percent": .double(threshold.target), "warning-percent": .double(threshold.warning),
            "rating": .string(rating.rawValue),
        ]
    }
}
