#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A non-blocking, close-on-exec channel that wakes a thread sleeping in `poll()` on its read end.
struct WakeupPipe: Sendable {
    /// The end a sleeping thread polls (never read: readable once signalled).
    let readDescriptor: Int32
    /// The end ``signal()`` writes to.
    let writeDescriptor: Int32

    /// A new pair of descriptors.
    init() throws(ConfigError) {
        var descriptors: [Int32] = [-1, -1]
        #if canImport(Glibc)
        // A socket pair rather than a pipe: it is created close-on-exec atomically (no `pipe2` in
        // the Glibc module), so a process started meanwhile by another thread never inherits it.
        let type = Int32(bitPattern: SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue | SOCK_NONBLOCK.rawValue)
        let result = socketpair(AF_UNIX, type, 0, &descriptors)
        #else
        let result = pipe(&descriptors)
        if result == 0 {
            for descriptor in descriptors {
                _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
                _ = fcntl(descriptor, F_SETFL, O_NONBLOCK)
            }
        }
        #endif
        guard result == 0 else {
            throw ConfigError(.unreadable, "cannot start a watcher: \(LocalFileSystem.lastErrorText())")
        }
        readDescriptor = descriptors[0]
        writeDescriptor = descriptors[1]
    }

    /// Makes the read end readable (once is enough: the reader never drains it).
    func signal() {
        var byte: UInt8 = 1
        while write(writeDescriptor, &byte, 1) < 0 && errno == EINTR {}
    }

    /// Closes both ends.
    func close() {
        _ = closeDescriptor(readDescriptor)
        _ = closeDescriptor(writeDescriptor)
    }
}

/// `close(2)`, named apart from the methods called `close`.
func closeDescriptor(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}
