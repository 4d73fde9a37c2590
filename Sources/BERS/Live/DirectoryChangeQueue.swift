import Synchronization

/// The delivery side of ``DirectoryChanges``: watchers send changes into it, one consumer takes
/// them out in order.
///
/// Nothing is dropped and nothing grows without bound: while the consumer is busy, changes of the
/// same directory merge into one (names added up, unknown names winning), so at most one change
/// per directory waits. After ``finish()`` the pending changes are still delivered, then the
/// sequence ends. Test doubles of ``DirectoryWatching`` use a queue of their own.
public final class DirectoryChangeQueue: Sendable {
    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<DirectoryChange?, Never>
    }

    private struct State {
        var pending = PendingChanges()
        var waiters: [Waiter] = []
        var finished = false
        var nextWaiterID: UInt64 = 0
    }

    private let state = Mutex(State())

    /// An empty, open queue.
    public init() {}

    /// The changes sent into this queue, for its one consumer.
    public var changes: DirectoryChanges { DirectoryChanges(queue: self) }

    /// Delivers `change` to a waiting consumer, or keeps it merged with a pending change of its
    /// directory.
    ///
    /// Ignored after ``finish()``.
    public func send(_ change: DirectoryChange) {
        let waiter = state.withLock { state -> Waiter? in
            guard !state.finished else { return nil }
            if state.pending.isEmpty, !state.waiters.isEmpty { return state.waiters.removeFirst() }
            state.pending.add(change)
            return nil
        }
        waiter?.continuation.resume(returning: change)
    }

    /// Ends the sequence once the pending changes are taken.
    ///
    /// Idempotent.
    public func finish() {
        let waiters = state.withLock { state -> [Waiter] in
            state.finished = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.continuation.resume(returning: nil) }
    }

    /// The next change, waiting for one; `nil` once finished and drained, or when the calling
    /// task is cancelled.
    func next() async -> DirectoryChange? {
        let id = state.withLock { state in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let ready = state.withLock { state -> DirectoryChange?? in
                    if let change = state.pending.removeFirst() { return .some(change) }
                    if state.finished || Task.isCancelled { return .some(nil) }
                    state.waiters.append(Waiter(id: id, continuation: continuation))
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index)
            }
            waiter?.continuation.resume(returning: nil)
        }
    }
}
