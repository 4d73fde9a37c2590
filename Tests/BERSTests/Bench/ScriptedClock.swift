import BERS
import Synchronization

/// A clock for the bench loop: read in pairs (before and after a call), each pair `durations[k]`
/// nanoseconds apart, cycling through the list, so every sample has a chosen duration.
final class ScriptedClock: MonotonicClock {
    private struct State {
        var now: UInt64 = 1_000_000_000
        var reads = 0
    }

    private let durations: [UInt64]
    private let state = Mutex(State())

    /// A clock whose `k`th timed call lasts `durations[k % count]` nanoseconds.
    init(durations: [UInt64]) { self.durations = durations.isEmpty ? [0] : durations }

    /// A clock whose calls last these many milliseconds.
    convenience init(milliseconds: [UInt64]) { self.init(durations: milliseconds.map { $0 * 1_000_000 }) }

    /// How many times the clock was read.
    var reads: Int { state.withLock { $0.reads } }

    func nanoseconds() -> UInt64 {
        state.withLock { state in
            if !state.reads.isMultiple(of: 2) { state.now += durations[(state.reads / 2) % durations.count] }
            state.reads += 1
            return state.now
        }
    }
}
