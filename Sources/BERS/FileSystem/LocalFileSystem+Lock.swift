#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension LocalFileSystem {
    /// Runs `body` holding `flock(LOCK_EX)` on the directory itself (no lock file is left
    /// behind); the lock is released when the descriptor closes, also when the process dies.
    public func withExclusiveLock<Result>(
        onDirectory directory: String,
        _ body: () throws(ConfigError) -> Result
    ) throws(ConfigError) -> Result {
        let descriptor = open(directory, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw ConfigError(.writeFailed, "cannot lock \(directory): \(Self.lastErrorText())")
        }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw ConfigError(.writeFailed, "cannot lock \(directory): \(Self.lastErrorText())")
            }
        }
        return try body()
    }
}
