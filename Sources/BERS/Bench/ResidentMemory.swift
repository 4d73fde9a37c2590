#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The resident set size of this process: `/proc/self/statm` on Linux, the maximum resident set
/// size of `getrusage` elsewhere (which never shrinks, so growth is measured from the peak).
public enum ResidentMemory {
    /// The resident set size in bytes, `nil` when it cannot be read.
    @Sendable public static func bytes() -> Int? {
        #if os(Linux)
        return statmBytes()
        #else
        var usage = rusage()
        guard getrusage(RUSAGE_SELF, &usage) == 0 else { return nil }
        return Int(usage.ru_maxrss)  // bytes on Darwin
        #endif
    }

    #if os(Linux)
    /// The second field of `/proc/self/statm` (resident pages) times the page size.
    private static func statmBytes() -> Int? {
        let descriptor = open("/proc/self/statm", O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        let fields = buffer.prefix(count).split(separator: UInt8(ascii: " "))
        guard fields.count > 1, let pages = Int(String(decoding: fields[1], as: UTF8.self)) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
    #endif
}
