#if BERS_TSAN
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The lock every BERS module uses as `Mutex` in ThreadSanitizer builds (`Scripts/sanitizers.sh`).
///
/// `Synchronization.Mutex` on Linux hands a contended lock over inside the kernel (a PI futex),
/// where ThreadSanitizer cannot see it, so every critical section that was ever contended is
/// reported as a race. A pthread mutex is intercepted by the sanitizer. The API is the part of
/// `Mutex` BERS uses: `init(_:)` and `withLock(_:)`.
public final class PthreadMutex<Value: ~Copyable>: @unchecked Sendable {
    private let lock: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value

    /// A lock around `initialValue`.
    public init(_ initialValue: consuming sending Value) {
        lock = UnsafeMutablePointer.allocate(capacity: 1)
        lock.initialize(to: pthread_mutex_t())
        pthread_mutex_init(lock, nil)
        value = initialValue
    }

    deinit {
        pthread_mutex_destroy(lock)
        lock.deallocate()
    }

    /// Runs `body` with the value while holding the lock.
    public func withLock<Result: ~Copyable, E: Error>(
        _ body: (inout sending Value) throws(E) -> sending Result
    ) throws(E) -> sending Result {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        return try body(&value)
    }
}

/// In ThreadSanitizer builds `Mutex` is ``PthreadMutex``; this module's declaration shadows
/// `Synchronization.Mutex`.
typealias Mutex<Value: ~Copyable> = PthreadMutex<Value>
#endif
