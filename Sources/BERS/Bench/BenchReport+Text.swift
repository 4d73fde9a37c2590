extension BenchReport {
    /// The report for a terminal: a title, one row per operation (calls, mean, median, p95, p99,
    /// max, success, target, rating), then memory growth, success rate, what was skipped, the
    /// failures and the verdict.
    public func text() -> String {
        "\(title)\n" + table.text() + summaryLines.map { $0 + "\n" }.joined()
    }

    /// The report as Markdown: a heading, a table, and the summary as a list.
    public func markdown() -> String {
        "### \(title)\n\n" + table.markdown() + "\n" + summaryLines.map { "- \($0)\n" }.joined()
    }

    /// `bers bench: staging, 500 calls per operation`.
    var title: String {
        "bers bench: \(environment), \(iterations) call\(iterations == 1 ? "" : "s") per operation"
    }

    /// One row per operation.
    var table: BenchTable {
        let duration = BenchNumberText.duration(milliseconds:)
        return BenchTable(
            header: ["operation", "calls", "mean", "median", "p95", "p99", "max", "success", "target", "rating"],
            rows: operations.map { measured in
                let latency = measured.latency
                return [
                    measured.operation.rawValue, String(measured.calls), duration(latency.mean),
                    duration(latency.median), duration(latency.p95), duration(latency.p99), duration(latency.max),
                    BenchNumberText.percent(measured.successPercent), duration(measured.threshold.target),
                    measured.rating.rawValue,
                ]
            },
            rightAligned: [1, 2, 3, 4, 5, 6, 7, 8]
        )
    }

    /// The lines after the table.
    var summaryLines: [String] {
        var lines: [String] = []
        if let memory {
            lines.append(
                "memory growth: \(BenchNumberText.megabytes(memory.megabytes)) over \(memory.resolves) resolves "
                    + "(target \(BenchNumberText.megabytes(memory.threshold.target)), "
                    + "warning \(BenchNumberText.megabytes(memory.threshold.warning))): \(memory.rating.rawValue)"
            )
        }
        let success = success
        lines.append(
            "success: \(BenchNumberText.percent(success.percent)) of \(success.calls) calls "
                + "(target \(BenchNumberText.percent(success.threshold.target)), "
                + "warning \(BenchNumberText.percent(success.threshold.warning))): \(success.rating.rawValue)"
        )
        for skip in skipped { lines.append("skipped: \(skip.name) (\(skip.reason))") }
        for measured in operations where measured.failures > 0 {
            lines.append(
                "failed: \(measured.operation.rawValue): \(measured.failures) of \(measured.calls) calls; first: "
                    + (measured.firstFailure ?? "unknown error")
            )
        }
        lines.append("verdict: \(verdict.rawValue)")
        return lines
    }
}
