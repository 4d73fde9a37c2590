#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file system whose paths can be symbolic links: a watcher of its files must also watch the
/// folders the links sit in and lead to (see ``LinkTrail``).
protocol SymbolicLinkReading: FileSystem {
    /// The target of the symbolic link at `path`, as written in the link (relative targets are
    /// relative to the link's folder); `nil` when `path` is not a link or cannot be read.
    func symbolicLinkDestination(atPath path: String) -> String?
}

extension LocalFileSystem: SymbolicLinkReading {
    func symbolicLinkDestination(atPath path: String) -> String? {
        var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = buffer.withUnsafeMutableBytes { raw -> Int in
            guard let base = raw.baseAddress else { return -1 }
            return readlink(path, base.assumingMemoryBound(to: CChar.self), raw.count)
        }
        guard count > 0, count < buffer.count else { return nil }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }
}
