import BERS
import Testing

struct LatencyStatisticsTests {
    @Test func aHundredSamplesGiveTheirMeanMedianPercentilesAndMaximum() {
        let statistics = LatencyStatistics(nanoseconds: (1...100).map { UInt64($0) * 1_000_000 }.shuffled())
        #expect(statistics.count == 100)
        #expect(statistics.mean == 50.5)
        #expect(statistics.median == 50.5)
        #expect(statistics.p95 == 95)
        #expect(statistics.p99 == 99)
        #expect(statistics.min == 1)
        #expect(statistics.max == 100)
    }

    @Test func anOddCountHasAMiddleSampleAndPercentilesRoundTheRankUp() {
        let statistics = LatencyStatistics(nanoseconds: [5_000_000, 1_000_000, 3_000_000])
        #expect(statistics.median == 3)
        #expect(statistics.mean == 3)
        // Nearest rank: ceil(0.95 × 3) = 3rd sample.
        #expect(statistics.p95 == 5)
        #expect(statistics.p99 == 5)
        #expect(statistics.min == 1)
    }

    @Test func ratherThanInterpolatingAPercentileIsASample() {
        // 20 samples: p95 is the 19th, p99 the 20th.
        let statistics = LatencyStatistics(nanoseconds: (1...20).map { UInt64($0) * 1_000_000 })
        #expect(statistics.p95 == 19)
        #expect(statistics.p99 == 20)
        #expect(statistics.median == 10.5)
    }

    @Test func oneSampleIsEveryFigure() {
        let statistics = LatencyStatistics(nanoseconds: [250_000])
        #expect(
            statistics
                == LatencyStatistics(count: 1, mean: 0.25, median: 0.25, p95: 0.25, p99: 0.25, min: 0.25, max: 0.25)
        )
    }

    @Test func noSamplesAreZeros() {
        let statistics = LatencyStatistics(nanoseconds: [])
        #expect(statistics == LatencyStatistics(count: 0, mean: 0, median: 0, p95: 0, p99: 0, min: 0, max: 0))
    }
}
