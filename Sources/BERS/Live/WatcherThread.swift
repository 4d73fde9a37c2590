#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A dedicated POSIX thread that sleeps in `poll()` on one descriptor (or none) and a wake-up
/// pipe, calling its handler when the descriptor is readable or the timeout passed, until
/// ``stop()``; when polling fails for good (the descriptor reports an error), it calls its
/// failure handler and ends, so the watcher's consumer learns that no more changes will come.
///
/// Not a task: a watcher blocks in the kernel, which must not hold a thread of the cooperative
/// pool. The thread keeps only its ``Body`` alive, never the watcher that owns it, so a watcher
/// dropped without `stop()` is still released (its `deinit` stops the thread).
final class WatcherThread: Sendable {
    /// Why the handler is called.
    enum Wake: Sendable {
        /// The watched descriptor is readable.
        case readable
        /// The timeout passed with nothing to read.
        case timeout
    }

    /// What the thread runs; retained by the thread until it ends.
    private final class Body: Sendable {
        let descriptor: Int32?
        let wakeup: WakeupPipe
        let timeoutMilliseconds: Int32
        let handler: @Sendable (Wake) -> Void
        let failed: @Sendable () -> Void

        init(
            descriptor: Int32?,
            wakeup: WakeupPipe,
            timeoutMilliseconds: Int32,
            handler: @escaping @Sendable (Wake) -> Void,
            failed: @escaping @Sendable () -> Void
        ) {
            self.descriptor = descriptor
            self.wakeup = wakeup
            self.timeoutMilliseconds = timeoutMilliseconds
            self.handler = handler
            self.failed = failed
        }

        /// Polls until the wake-up pipe is readable; calls `failed` when polling fails for good.
        func run() {
            if !pollUntilWoken() { failed() }
        }

        /// Polls until the wake-up pipe is readable (true) or polling fails for good (false).
        private func pollUntilWoken() -> Bool {
            var descriptors = [pollfd(fd: wakeup.readDescriptor, events: Int16(POLLIN), revents: 0)]
            if let descriptor { descriptors.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)) }
            let failed = Int16(POLLERR | POLLHUP | POLLNVAL)
            while true {
                for index in descriptors.indices { descriptors[index].revents = 0 }
                let ready = poll(&descriptors, nfds_t(descriptors.count), timeoutMilliseconds)
                if ready < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    return false
                }
                if descriptors[0].revents != 0 { return true }
                if descriptors.count > 1 && descriptors[1].revents & failed != 0 { return false }
                handler(ready == 0 ? .timeout : .readable)
            }
        }
    }

    /// The name the threads carry (seen in `/proc/self/task/*/comm` and debuggers).
    static let name = "bers-watch"

    private let body: Body
    private let handle: Mutex<pthread_t?>

    /// Starts a thread polling `descriptor` (`nil`: only the timeout), calling `handler`.
    ///
    /// `timeoutMilliseconds` -1 waits without a timeout; `failed` is called on the thread when
    /// polling fails for good, before it ends. On success the thread owns `descriptor` and
    /// closes it in ``stop()``; on failure the caller still owns it.
    init(
        descriptor: Int32?,
        timeoutMilliseconds: Int32,
        handler: @escaping @Sendable (Wake) -> Void,
        failed: @escaping @Sendable () -> Void
    ) throws(ConfigError) {
        let wakeup = try WakeupPipe()
        body = Body(
            descriptor: descriptor,
            wakeup: wakeup,
            timeoutMilliseconds: timeoutMilliseconds,
            handler: handler,
            failed: failed
        )
        let argument = Unmanaged.passRetained(body).toOpaque()
        let (started, status) = Self.spawn(argument)
        guard let started else {
            Unmanaged<Body>.fromOpaque(argument).release()
            wakeup.close()
            throw ConfigError(.unreadable, "cannot start a watcher thread: \(String(cString: strerror(status)))")
        }
        handle = Mutex(started)
    }

    deinit { stop() }

    /// Wakes the thread, waits for it to end, and closes the descriptors.
    ///
    /// Idempotent.
    func stop() {
        guard
            let thread = handle.withLock({ handle in
                defer { handle = nil }
                return handle
            })
        else { return }
        body.wakeup.signal()
        // Never called on the thread itself (handlers only send changes); a join would fail there.
        pthread_join(thread, nil)
        body.wakeup.close()
        if let descriptor = body.descriptor { _ = closeDescriptor(descriptor) }
    }

    private static func spawn(_ argument: UnsafeMutableRawPointer) -> (pthread_t?, Int32) {
        #if canImport(Glibc)
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, { WatcherThread.enter($0) }, argument)
        return (status == 0 ? thread : nil, status)
        #else
        var thread: pthread_t?
        let status = pthread_create(&thread, nil, { WatcherThread.enter($0) }, argument)
        return (status == 0 ? thread : nil, status)
        #endif
    }

    /// Names the calling thread ``name`` (`pthread_setname_np` is not in the Glibc module; on
    /// Linux the thread's `comm` file is written instead).
    private static func nameThread() {
        #if canImport(Darwin)
        pthread_setname_np(name)
        #elseif os(Linux)
        let descriptor = open("/proc/thread-self/comm", O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = name.utf8CString.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count - 1) }
        _ = closeDescriptor(descriptor)
        #endif
    }

    private static func enter(_ argument: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
        guard let argument else { return nil }
        nameThread()
        Unmanaged<Body>.fromOpaque(argument).takeRetainedValue().run()
        return nil
    }
}
