import Synchronization

/// The subscribers of a ``LiveConfiguration``'s events: each gets every event, in order, in an
/// unbounded buffer (a slow subscriber never makes another miss one).
final class ReloadSubscribers: Sendable {
    private struct State {
        var continuations: [Int: AsyncStream<ReloadEvent>.Continuation] = [:]
        var nextID = 0
        var finished = false
    }

    private let state = Mutex(State())

    /// A new subscriber's stream; already finished when ``finish()`` was called.
    func subscribe() -> AsyncStream<ReloadEvent> {
        let (stream, continuation) = AsyncStream<ReloadEvent>.makeStream()
        let id: Int? = state.withLock { state in
            guard !state.finished else { return nil }
            let id = state.nextID
            state.nextID += 1
            state.continuations[id] = continuation
            return id
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { $0.continuations[id] = nil }
        }
        return stream
    }

    /// Sends `event` to every subscriber.
    func publish(_ event: ReloadEvent) {
        for continuation in state.withLock({ Array($0.continuations.values) }) {
            continuation.yield(event)
        }
    }

    /// Ends every stream; later subscribers get a finished one.
    func finish() {
        let continuations = state.withLock { state in
            state.finished = true
            defer { state.continuations = [:] }
            return Array(state.continuations.values)
        }
        for continuation in continuations { continuation.finish() }
    }
}
