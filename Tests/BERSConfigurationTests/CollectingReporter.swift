import Configuration
import Synchronization

/// The access events a `ConfigReader` reported.
final class CollectingReporter: AccessReporter, Sendable {
    private let collected = Mutex<[AccessEvent]>([])

    /// Keeps `event`.
    func report(_ event: AccessEvent) {
        collected.withLock { $0.append(event) }
    }

    /// The events so far.
    var events: [AccessEvent] { collected.withLock { $0 } }
}
