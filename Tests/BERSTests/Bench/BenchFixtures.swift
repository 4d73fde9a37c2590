import BERS

/// A report of known figures: each operation's samples are `milliseconds` (scaled per operation).
func sampleReport(
    _ operations: [BenchOperation] = BenchOperation.allCases,
    medians: [BenchOperation: Double] = [:]
) -> BenchReport {
    BenchReport(
        environment: "staging",
        iterations: 3,
        operations: operations.map { operation in
            let median = medians[operation] ?? 0.25
            return BenchOperationReport(
                operation: operation,
                latency: LatencyStatistics(
                    count: 3,
                    mean: median * 1.5,
                    median: median,
                    p95: median * 3,
                    p99: median * 3,
                    min: median / 2,
                    max: median * 3
                ),
                failures: operation == .url ? 1 : 0,
                firstFailure: operation == .url ? "endpoint \"x\" needs \"tenant\" & more" : nil,
                threshold: KPIThreshold(defaultFor: operation.kpi)
            )
        },
        memory: MemoryGrowth(
            resolves: 3,
            beforeBytes: 1 << 20,
            afterBytes: 3 << 19,
            threshold: .init(defaultFor: .memoryGrowth)
        ),
        skipped: [.init(name: "validation", reason: "bers.json names no schema")]
    )
}

/// A saved run of `report` made on a fixed machine.
func sampleRun(_ report: BenchReport = sampleReport()) -> BenchRun {
    BenchRun(
        machine: MachineFacts(date: "20260101T120000Z", hostName: "ci-7", cpuCount: 8, bersVersion: "0.1.0"),
        report: report
    )
}
