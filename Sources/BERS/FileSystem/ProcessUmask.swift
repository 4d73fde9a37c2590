#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's file mode creation mask, read without changing it where the system allows.
///
/// `umask(2)` can only be read by setting it, so a thread creating a file between the two calls
/// would get the wrong mask; Linux (4.7 and later) shows the mask in `/proc/self/status`.
enum ProcessUmask {
    /// The current mask.
    static func current() -> mode_t {
        #if os(Linux)
        if let status = readProcStatus(), let mask = parse(status: status) { return mask }
        #endif
        let mask = umask(0)
        umask(mask)
        return mask
    }

    /// The octal `Umask:` field of a `/proc/<pid>/status` text; `nil` when it has none.
    static func parse(status: [UInt8]) -> mode_t? {
        let field = Array("Umask:".utf8)
        for line in status.split(separator: UInt8(ascii: "\n")) where line.starts(with: field) {
            let digits = line.dropFirst(field.count).drop { $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: " ") }
            guard !digits.isEmpty, digits.count <= 4,
                digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "7")).contains($0) })
            else { return nil }
            return digits.reduce(0) { $0 * 8 + mode_t($1 - UInt8(ascii: "0")) }
        }
        return nil
    }

    #if os(Linux)
    /// The bytes of `/proc/self/status`; `nil` when it cannot be read.
    static func readProcStatus() -> [UInt8]? {
        let descriptor = open("/proc/self/status", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while bytes.count < 1 << 16 {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return count == 0 ? bytes : nil }
            bytes += chunk[..<count]
        }
        return bytes
    }
    #endif
}
