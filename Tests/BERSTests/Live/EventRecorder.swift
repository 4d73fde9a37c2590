@testable import BERS
import Synchronization

/// Collects the events of a live configuration on a background task, for bounded waits.
final class EventRecorder: Sendable {
    private final class Store: Sendable {
        let events = Mutex<[ReloadEvent]>([])
    }

    private let store = Store()
    private let task: Task<Void, Never>

    init(_ live: LiveConfiguration) {
        let stream = live.events()
        let store = self.store
        task = Task { for await event in stream { store.events.withLock { $0.append(event) } } }
    }

    var recorded: [ReloadEvent] { store.events.withLock { $0 } }

    /// Waits until `count` events arrived or `milliseconds` passed; the events so far.
    @discardableResult
    func wait(for count: Int, milliseconds: Int = 3000) async -> [ReloadEvent] {
        for _ in 0..<(milliseconds / 5) {
            let current = recorded
            if current.count >= count { return current }
            try? await Task.sleep(nanoseconds: 5_000_000)
        }
        return recorded
    }

    /// Waits `milliseconds` and returns every event recorded (to check that no more arrive).
    func settle(milliseconds: Int) async -> [ReloadEvent] {
        try? await Task.sleep(nanoseconds: UInt64(milliseconds) * 1_000_000)
        return recorded
    }

    deinit { task.cancel() }
}
