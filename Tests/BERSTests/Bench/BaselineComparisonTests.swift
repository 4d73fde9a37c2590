import BERS
import Testing

struct BaselineComparisonTests {
    let baseline = sampleRun(sampleReport(medians: [.detection: 1, .loading: 1, .lookup: 1, .url: 1]))

    @Test func aMedianSlowerByMoreThanTheThresholdIsARegression() {
        let current = sampleReport(medians: [.detection: 1.21, .loading: 1.2, .lookup: 0.79, .url: 0.8])
        let comparison = BaselineComparison(baseline: baseline, current: current, thresholdPercent: 20)
        let verdicts = Dictionary(uniqueKeysWithValues: comparison.entries.map { ($0.operation, $0.verdict) })
        #expect(verdicts[.detection] == .regressed)
        #expect(verdicts[.loading] == .within)
        #expect(verdicts[.lookup] == .improved)
        #expect(verdicts[.url] == .within)
        #expect(comparison.hasRegression)
        #expect(comparison.regressions.map(\.operation) == [.detection])
        let detection = comparison.entries.first { $0.operation == .detection }
        #expect(detection.flatMap(\.changePercent).map { abs($0 - 21) < 1e-9 } == true)
    }

    @Test func withinTheThresholdNothingRegresses() {
        let comparison = BaselineComparison(
            baseline: baseline,
            current: sampleReport(medians: [.detection: 1.1, .loading: 0.95]),
            thresholdPercent: 20
        )
        #expect(!comparison.hasRegression)
        #expect(comparison.text().hasSuffix("no operation regressed by more than 20%\n"))
    }

    @Test func operationsOnOneSideOnlyAreMissingOrNewAndNeverRegressions() {
        let comparison = BaselineComparison(
            baseline: sampleRun(sampleReport([.detection, .tenantCold])),
            current: sampleReport([.detection, .url], medians: [.url: 100]),
            thresholdPercent: 20
        )
        #expect(comparison.entries.map(\.operation) == [.detection, .url, .tenantCold])
        #expect(comparison.entries.map(\.verdict) == [.within, .new, .missing])
        #expect(!comparison.hasRegression)
        let text = comparison.text()
        #expect(text.contains("tenant-cold"))
        #expect(text.contains("missing"))
    }

    @Test func aZeroBaselineRegressesOnlyWhenTheRunIsSlower() {
        let zero = sampleRun(sampleReport([.lookup], medians: [.lookup: 0]))
        let same = BaselineComparison(baseline: zero, current: sampleReport([.lookup], medians: [.lookup: 0]))
        let slower = BaselineComparison(baseline: zero, current: sampleReport([.lookup], medians: [.lookup: 0.001]))
        #expect(same.entries.map(\.verdict) == [.within])
        #expect(slower.entries.map(\.verdict) == [.regressed])
        #expect(slower.entries[0].changePercent == nil)
    }

    @Test func theTextNamesTheBaselineAndEachChange() {
        let comparison = BaselineComparison(
            baseline: baseline,
            current: sampleReport(medians: [.detection: 1.5]),
            thresholdPercent: 20
        )
        let lines = comparison.text().split(separator: "\n").map(String.init)
        #expect(lines[0] == "baseline: 20260101T120000Z on ci-7 (8 CPUs, BERS 0.1.0); regression threshold 20%")
        #expect(lines[1].hasPrefix("operation"))
        #expect(lines.contains { $0.hasPrefix("detection") && $0.contains("+50%") && $0.hasSuffix("regressed") })
        #expect(lines.last == "1 operation regressed by more than 20%: detection")
        #expect(comparison.markdown().contains("| detection | 1 ms | 1.5 ms | +50% | regressed |"))
        #expect(comparison.jsonValue["regressed"] == true)
    }
}
