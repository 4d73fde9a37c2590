#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import BERS

/// Writes a file atomically with an exact mode.
///
/// The bytes go to a new temporary file beside it (created with `O_CREAT | O_EXCL` and the mode,
/// so it is never readable by others, even for a moment), written and synced, then moved into
/// place. Readers see no file or the whole file.
enum PrivateFileWriter {
    /// Writes `bytes` to `path` with permission bits `mode`.
    ///
    /// - Parameter replacing: Whether an existing file at `path` is replaced; when `false` the
    ///   file appears only if nothing is there (checked atomically).
    /// - Throws: ``ConfigError`` `config.write-failed`; nothing is then written.
    static func write(_ bytes: [UInt8], toPath path: String, mode: mode_t, replacing: Bool) throws(ConfigError) {
        let temporary = try writeTemporary(bytes, beside: path, mode: mode)
        if replacing {
            guard rename(temporary, path) == 0 else { throw failure(path, discarding: temporary) }
        } else {
            // link(2) fails with EEXIST instead of replacing: no window between a check and the move.
            guard link(temporary, path) == 0 else {
                if errno == EEXIST {
                    unlink(temporary)
                    throw ConfigError(.writeFailed, "\(path) already exists; nothing was written")
                }
                throw failure(path, discarding: temporary)
            }
            unlink(temporary)
        }
        syncDirectory(of: path)
    }

    /// The folder holding `path`.
    static func directory(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        let directory = String(decoding: path.utf8[..<slash], as: UTF8.self)
        return directory.isEmpty ? "/" : directory
    }

    private static func writeTemporary(_ bytes: [UInt8], beside path: String, mode: mode_t) throws(ConfigError)
        -> String
    {
        let name = PathText.segments(of: path, omittingEmpty: true).last.map(String.init) ?? path
        let suffix = String(UInt64.random(in: .min ... .max), radix: 36)
        let temporary = joinPath(directory(of: path), ".\(name).bers-tmp-\(suffix)")
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            throw ConfigError(.writeFailed, "cannot write \(path): \(lastErrorText()); nothing was written")
        }
        var problem: String? = writeAll(bytes, to: descriptor)
        if problem == nil, fchmod(descriptor, mode) != 0 || fsync(descriptor) != 0 { problem = lastErrorText() }
        close(descriptor)
        if let problem {
            unlink(temporary)
            throw ConfigError(.writeFailed, "cannot write \(path): \(problem); nothing was written")
        }
        return temporary
    }

    /// Writes every byte, retrying on interruption; returns the error text of a failure.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> String? {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                posixWrite(descriptor, buffer.baseAddress.map { $0 + written }, bytes.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return lastErrorText()
            }
            written += count
        }
        return nil
    }

    private static func failure(_ path: String, discarding temporary: String) -> ConfigError {
        let reason = lastErrorText()
        unlink(temporary)
        return ConfigError(.writeFailed, "cannot write \(path): \(reason); nothing was written")
    }

    private static func syncDirectory(of path: String) {
        let descriptor = open(directory(of: path), O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    private static func lastErrorText() -> String {
        guard let text = strerror(errno) else { return "error \(errno)" }
        return String(cString: text)
    }
}

@inline(__always)
private func posixWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
