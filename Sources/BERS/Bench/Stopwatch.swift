/// The measurement loop: times each call of an operation with the injected clock (read exactly
/// twice per call: before and after) and reports progress between calls.
struct Stopwatch: Sendable {
    /// The clock timing each call.
    let clock: any MonotonicClock
    /// Calls per operation.
    let iterations: Int
    /// Where progress goes.
    let progress: (@Sendable (BenchProgress) -> Void)?

    /// Times `iterations` calls of `body` (given the call's index) after one untimed warm-up call;
    /// a call that throws is a failure.
    func measure(_ phase: String, _ body: (Int) throws -> Void) -> SampleSet {
        try? body(0)
        var samples = SampleSet(capacity: iterations)
        for index in 0..<iterations {
            let start = clock.nanoseconds()
            let outcome = Result { try body(index) }
            finish(outcome, startedAt: start, index: index, phase: phase, into: &samples)
        }
        return samples
    }

    /// Times `iterations` calls of an asynchronous `body`, like ``measure(_:_:)``.
    func measureAsync(_ phase: String, _ body: (Int) async throws -> Void) async -> SampleSet {
        try? await body(0)
        var samples = SampleSet(capacity: iterations)
        for index in 0..<iterations {
            let start = clock.nanoseconds()
            let outcome: Result<Void, any Error>
            do { outcome = .success(try await body(index)) } catch { outcome = .failure(error) }
            finish(outcome, startedAt: start, index: index, phase: phase, into: &samples)
        }
        return samples
    }

    /// Runs `body` `iterations` times untimed (the memory phase), reporting progress.
    func repeatUntimed(_ phase: String, _ body: () -> Void) {
        for index in 0..<iterations {
            body()
            report(phase, index + 1)
        }
    }

    /// Reads the clock at the end of call `index` and records it.
    private func finish(
        _ outcome: Result<Void, any Error>,
        startedAt start: UInt64,
        index: Int,
        phase: String,
        into samples: inout SampleSet
    ) {
        let end = clock.nanoseconds()
        switch outcome {
        case .success: samples.succeed(from: start, to: end)
        case .failure(let error): samples.fail(error)
        }
        report(phase, index + 1)
    }

    private func report(_ phase: String, _ completed: Int) {
        guard let progress, BenchProgress.isReported(completed, of: iterations) else { return }
        progress(BenchProgress(phase: phase, completed: completed, total: iterations))
    }
}
