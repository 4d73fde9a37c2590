import Metrics
import Synchronization

/// `bers_http_requests_total{route,status}` and `bers_http_request_duration_seconds{route}`,
/// with one metric object per label set, made once.
final class HTTPMetrics: Sendable {
    private let factory: any MetricsFactory
    private let counters = Mutex<[String: Counter]>([:])
    private let timers = Mutex<[String: Timer]>([:])

    /// Metrics made by `factory`.
    init(factory: any MetricsFactory) {
        self.factory = factory
    }

    /// Counts one request of `route` answered with `status` in `nanoseconds`.
    func record(route: String, status: Int, nanoseconds: Int64) {
        counter(route: route, status: status).increment()
        timer(route: route).recordNanoseconds(nanoseconds)
    }

    /// The request counter of `route` and `status`.
    func counter(route: String, status: Int) -> Counter {
        let key = "\(route) \(status)"
        return counters.withLock { counters in
            if let counter = counters[key] { return counter }
            let counter = Counter(
                label: "bers_http_requests_total",
                dimensions: [("route", route), ("status", String(status))],
                factory: factory
            )
            counters[key] = counter
            return counter
        }
    }

    /// The duration histogram of `route`.
    func timer(route: String) -> Timer {
        timers.withLock { timers in
            if let timer = timers[route] { return timer }
            let timer = Timer(
                label: "bers_http_request_duration_seconds",
                dimensions: [("route", route)],
                preferredDisplayUnit: .seconds,
                factory: factory
            )
            timers[route] = timer
            return timer
        }
    }
}
