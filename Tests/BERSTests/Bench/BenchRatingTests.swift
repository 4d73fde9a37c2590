import BERS
import Testing

struct BenchRatingTests {
    let latency = KPIThreshold(target: 0.1, warning: 0.5)

    @Test func aMedianAtTheTargetIsExcellentAndAtTheWarningLimitGood() {
        #expect(BenchRating(0.1, against: latency) == .excellent)
        #expect(BenchRating(0.0, against: latency) == .excellent)
        #expect(BenchRating(0.100_000_1, against: latency) == .good)
        #expect(BenchRating(0.5, against: latency) == .good)
        #expect(BenchRating(0.500_000_1, against: latency) == .slow)
    }

    @Test func theSuccessRateIsRatedHigherIsBetter() {
        let success = KPIThreshold(target: 100, warning: 95)
        #expect(BenchRating(100, against: success, higherIsBetter: true) == .excellent)
        #expect(BenchRating(99.9, against: success, higherIsBetter: true) == .good)
        #expect(BenchRating(95, against: success, higherIsBetter: true) == .good)
        #expect(BenchRating(94.9, against: success, higherIsBetter: true) == .slow)
    }

    @Test func memoryGrowthIsRatedInMegabytes() {
        let threshold = KPIThreshold(target: 1, warning: 5)
        let growth = { (bytes: Int) in
            MemoryGrowth(resolves: 10, beforeBytes: 10 << 20, afterBytes: (10 << 20) + bytes, threshold: threshold)
        }
        #expect(growth(1 << 20).rating == .excellent)
        #expect(growth((1 << 20) + 1).rating == .good)
        #expect(growth(5 << 20).rating == .good)
        #expect(growth((5 << 20) + 1).rating == .slow)
        #expect(growth(-(3 << 20)).megabytes == 0)
    }

    @Test func anOperationWithoutASuccessfulCallIsSlow() {
        let failed = BenchOperationReport(
            operation: .url,
            latency: LatencyStatistics(nanoseconds: []),
            failures: 3,
            firstFailure: "no",
            threshold: latency
        )
        #expect(failed.rating == .slow)
        #expect(failed.successPercent == 0)
        #expect(failed.calls == 3)
    }

    @Test func theVerdictIsTheWorstRating() {
        #expect(BenchRating.worst([.excellent, .good, .excellent]) == .good)
        #expect(BenchRating.worst([.good, .slow]) == .slow)
        #expect(BenchRating.worst([]) == .excellent)
        var report = BenchReport(environment: "staging", iterations: 1)
        report.operations = [
            BenchOperationReport(
                operation: .lookup,
                latency: LatencyStatistics(nanoseconds: [1000]),
                threshold: latency
            )
        ]
        #expect(report.verdict == .excellent)
        report.memory = MemoryGrowth(
            resolves: 1,
            beforeBytes: 0,
            afterBytes: 2 << 20,
            threshold: .init(defaultFor: .memoryGrowth)
        )
        #expect(report.verdict == .good)
        report.operations[0].failures = 1
        #expect(report.success.percent == 50)
        #expect(report.verdict == .slow)
    }
}
