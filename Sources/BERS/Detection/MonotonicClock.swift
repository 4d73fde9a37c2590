#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

import Synchronization

/// A source of monotonic time, injected where BERS keeps things for a while (memos, caches).
public protocol MonotonicClock: Sendable {
    /// Nanoseconds since an arbitrary fixed point; never decreases.
    func nanoseconds() -> UInt64
}

/// The system's monotonic clock.
///
/// By default, on Linux, it reads the coarse clock (a few nanoseconds per read, millisecond
/// resolution), which is plenty for times to live counted in seconds; measurements of short
/// operations (`bers bench`) ask for the ``Resolution-swift.enum/fine`` clock.
public struct SystemMonotonicClock: MonotonicClock {
    /// How finely the clock ticks.
    public enum Resolution: Sendable {
        /// The cheapest clock to read; on Linux it advances once per scheduler tick.
        case coarse
        /// Nanosecond resolution, for timing operations that take microseconds.
        case fine
    }

    /// How finely this clock ticks.
    public let resolution: Resolution

    /// The system clock, coarse unless asked otherwise.
    public init(resolution: Resolution = .coarse) { self.resolution = resolution }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func nanoseconds() -> UInt64 {
        var spec = timespec()
        #if os(Linux)
        clock_gettime(resolution == .coarse ? CLOCK_MONOTONIC_COARSE : CLOCK_MONOTONIC, &spec)
        #else
        clock_gettime(CLOCK_MONOTONIC, &spec)
        #endif
        return UInt64(spec.tv_sec) &* 1_000_000_000 &+ UInt64(spec.tv_nsec)
    }
}

/// A clock that moves only when told to, for tests of expiry.
public final class ManualClock: MonotonicClock {
    // A class so that a test can advance the clock a detector or cache already holds.
    private let now: Mutex<UInt64>

    /// A clock reading `start` nanoseconds.
    public init(start: UInt64 = 1_000_000_000) { now = Mutex(start) }

    /// Moves the clock forward.
    public func advance(byNanoseconds delta: UInt64) { now.withLock { $0 &+= delta } }

    /// Moves the clock forward by whole milliseconds.
    public func advance(byMilliseconds delta: UInt64) { advance(byNanoseconds: delta * 1_000_000) }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func nanoseconds() -> UInt64 { now.withLock { $0 } }
}
