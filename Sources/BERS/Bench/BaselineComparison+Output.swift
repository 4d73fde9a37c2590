import BERSJSON

extension BaselineComparison {
    /// The comparison for a terminal: which baseline, one row per operation, and the outcome.
    public func text() -> String {
        "\(title)\n" + table.text() + "\(conclusion)\n"
    }

    /// The comparison as Markdown.
    public func markdown() -> String {
        "### \(title)\n\n" + table.markdown() + "\n\(conclusion)\n"
    }

    /// The comparison as JSON: the baseline's machine, the threshold, and each operation's
    /// medians, change and verdict.
    public var jsonValue: JSONValue {
        [
            "baseline": [
                "date": .string(baselineMachine.date), "host": .string(baselineMachine.hostName),
                "bers-version": .string(baselineMachine.bersVersion),
            ],
            "threshold-percent": .double(thresholdPercent),
            "regressed": .bool(hasRegression),
            "operations": .array(
                entries.map { entry in
                    [
                        "name": .string(entry.operation.rawValue),
                        "baseline-median-ms": entry.baseline.map(JSONValue.double) ?? .null,
                        "median-ms": entry.current.map(JSONValue.double) ?? .null,
                        "change-percent": entry.changePercent.map(JSONValue.double) ?? .null,
                        "verdict": .string(entry.verdict.rawValue),
                    ]
                }
            ),
        ]
    }

    private var title: String {
        let machine = baselineMachine
        return
            "baseline: \(machine.date) on \(machine.hostName) (\(machine.cpuCount) CPU\(machine.cpuCount == 1 ? "" : "s"), "
            + "BERS \(machine.bersVersion)); regression threshold \(BenchNumberText.percent(thresholdPercent))"
    }

    private var table: BenchTable {
        let duration = { (value: Double?) in value.map(BenchNumberText.duration(milliseconds:)) ?? "-" }
        return BenchTable(
            header: ["operation", "baseline", "median", "change", "verdict"],
            rows: entries.map { entry in
                [
                    entry.operation.rawValue, duration(entry.baseline), duration(entry.current),
                    entry.changePercent.map(BenchNumberText.change) ?? "-", entry.verdict.rawValue,
                ]
            },
            rightAligned: [1, 2, 3]
        )
    }

    private var conclusion: String {
        let limit = BenchNumberText.percent(thresholdPercent)
        let names = regressions.map(\.operation.rawValue)
        guard !names.isEmpty else { return "no operation regressed by more than \(limit)" }
        let count = names.count == 1 ? "1 operation" : "\(names.count) operations"
        return "\(count) regressed by more than \(limit): \(names.joined(separator: ", "))"
    }
}
