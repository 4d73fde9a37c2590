import BERSJSON

/// The samples of one operation as they are measured: the durations of successful calls and the
/// failed calls, with the first failure's message.
struct SampleSet: Sendable {
    /// Nanoseconds of each successful call.
    var durations: [UInt64] = []
    /// How many calls threw.
    var failures = 0
    /// The message of the first call that threw.
    var firstFailure: String?

    /// Space for `iterations` samples.
    init(capacity iterations: Int) { durations.reserveCapacity(iterations) }

    /// Records a successful call that started at `start` and ended at `end` (nanoseconds).
    mutating func succeed(from start: UInt64, to end: UInt64) {
        durations.append(end >= start ? end - start : 0)
    }

    /// Records a failed call.
    mutating func fail(_ error: any Error) {
        failures += 1
        if firstFailure == nil { firstFailure = (error as? any BERSError)?.message ?? "\(error)" }
    }

    /// The report of `operation` rated against `threshold`.
    func report(_ operation: BenchOperation, threshold: KPIThreshold) -> BenchOperationReport {
        BenchOperationReport(
            operation: operation,
            latency: LatencyStatistics(nanoseconds: durations),
            failures: failures,
            firstFailure: firstFailure,
            threshold: threshold
        )
    }
}
