#if BERS_TSAN
import BERS

/// In ThreadSanitizer builds `Mutex` is BERS's `PthreadMutex`, which the sanitizer sees; this
/// module's declaration shadows `Synchronization.Mutex`.
typealias Mutex<Value: ~Copyable> = PthreadMutex<Value>
#endif
