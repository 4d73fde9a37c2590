import Metrics

/// The metrics of a ``LiveConfiguration``: `bers_reloads_total{result}`,
/// `bers_reload_duration_seconds` and `bers_config_generation`.
struct ReloadMetrics: Sendable {
    private let applied, unchanged, refused: Counter
    private let duration: Metrics.Timer
    private let generation: Gauge

    init(factory: any MetricsFactory) {
        func reloads(_ result: String) -> Counter {
            Counter(label: "bers_reloads_total", dimensions: [("result", result)], factory: factory)
        }
        applied = reloads("applied")
        unchanged = reloads("unchanged")
        refused = reloads("refused")
        duration = Metrics.Timer(
            label: "bers_reload_duration_seconds",
            dimensions: [],
            preferredDisplayUnit: .seconds,
            factory: factory
        )
        generation = Gauge(label: "bers_config_generation", factory: factory)
    }

    /// Counts `event`, records how long its reload took, and the current generation's number.
    func record(_ event: ReloadEvent, nanoseconds: UInt64, current: Int) {
        switch event {
        case .applied: applied.increment()
        case .unchanged: unchanged.increment()
        case .refused: refused.increment()
        }
        duration.recordNanoseconds(Int64(clamping: nanoseconds))
        generation.record(current)
    }

    /// Records the current generation's number (the first one, before any reload).
    func recordGeneration(_ number: Int) {
        generation.record(number)
    }
}
