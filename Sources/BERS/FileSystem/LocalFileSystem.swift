#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The real file system, through POSIX calls (no Foundation on the resolve path).
public struct LocalFileSystem: FileSystem {
    /// Failures a test injects into the write path; `nil` outside tests.
    let seams: WriteSeams?

    /// The local file system.
    public init() {
        seams = nil
    }

    /// The local file system with `seams` failing chosen system calls of its writes (tests only).
    init(seams: WriteSeams) {
        self.seams = seams
    }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func contentsOfDirectory(atPath path: String) throws(ConfigError) -> [String] {
        guard let directory = opendir(path) else {
            throw ConfigError(.unreadable, "cannot read directory \(path): \(Self.lastErrorText())")
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func permissions(atPath path: String) -> UInt32? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return UInt32(info.st_mode) & 0o7777
    }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func contents(atPath path: String, maxBytes: Int) throws(ConfigError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw ConfigError(.unreadable, "cannot read \(path): \(Self.lastErrorText())")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw ConfigError(.unreadable, "cannot read \(path): \(Self.lastErrorText())")
        }
        guard (info.st_mode & S_IFMT) != S_IFDIR else {
            throw ConfigError(.unreadable, "cannot read \(path): it is a directory")
        }
        let expected = Int(info.st_size)
        guard expected <= maxBytes else {
            throw ConfigError(.tooLarge, "\(path) is \(expected) bytes, more than the limit of \(maxBytes)")
        }
        var bytes = [UInt8](repeating: 0, count: expected + 1)
        var filled = 0
        while true {
            if filled == bytes.count {
                guard bytes.count <= maxBytes else {
                    throw ConfigError(.tooLarge, "\(path) is larger than the limit of \(maxBytes) bytes")
                }
                bytes.append(contentsOf: repeatElement(0, count: max(4096, bytes.count)))
            }
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress.map { $0 + filled }, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw ConfigError(.unreadable, "cannot read \(path): \(Self.lastErrorText())")
            }
            if count == 0 { break }
            filled += count
            // A short read of a regular file means its end: no need for one more call to see 0.
            if filled < bytes.count && (info.st_mode & S_IFMT) == S_IFREG { break }
        }
        guard filled <= maxBytes else {
            throw ConfigError(.tooLarge, "\(path) is larger than the limit of \(maxBytes) bytes")
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func itemKind(atPath path: String) -> FileItemKind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        return (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
    }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func write(_ bytes: [UInt8], toPath path: String) throws(ConfigError) {
        try writeAll([(path, bytes)])
    }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func write(_ bytes: [UInt8], toPath path: String, permissions: UInt32) throws(ConfigError) {
        try writeAll([(path, bytes, mode_t(permissions & 0o777))])
    }

    /// The folder holding `path` (`.` for a bare name).
    static func directory(of path: String) -> String {
        let directory = PathText.parent(of: path)
        return PathText.isAbsolute(path) && directory.isEmpty ? "/" : (directory.isEmpty ? "." : directory)
    }

    /// The last component of `path` (`path` itself when it has none).
    static func fileName(of path: String) -> String {
        PathText.segments(of: path, omittingEmpty: true).last.map(String.init) ?? path
    }

    /// Writes `bytes` to a new temporary file in `path`'s directory, synced, with `mode`, or the
    /// mode `path` has (or would get); returns its path.
    func writeTemporary(_ bytes: [UInt8], beside path: String, mode: mode_t? = nil) throws(ConfigError) -> String {
        var template = Array(
            joinPath(Self.directory(of: path), ".\(Self.fileName(of: path)).bers-tmp-XXXXXX").utf8CString
        )
        let descriptor =
            failsByInjection(.createTemporary, path)
            ? -1
            : template.withUnsafeMutableBufferPointer { buffer -> Int32 in
                guard let base = buffer.baseAddress else { return -1 }
                return mkstemp(base)
            }
        guard descriptor >= 0 else {
            throw ConfigError(.writeFailed, "cannot write \(path): \(Self.lastErrorText()); nothing was written")
        }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var failure = writeEvery(bytes, to: descriptor, path: path)
        if failure == nil, failsByInjection(.fsync, path) || fsync(descriptor) != 0 { failure = Self.lastErrorText() }
        if failure == nil { fchmod(descriptor, mode ?? Self.mode(for: path)) }
        close(descriptor)
        if let failure {
            unlink(temporary)
            throw ConfigError(.writeFailed, "cannot write \(path): \(failure); nothing was written")
        }
        return temporary
    }

    /// Writes every byte to `descriptor`, retrying on interruption; returns the error text of a
    /// failure.
    private func writeEvery(_ bytes: [UInt8], to descriptor: Int32, path: String) -> String? {
        let chunk = seams?.maxBytesPerWrite ?? Int.max
        var written = 0
        while written < bytes.count {
            let count =
                failsByInjection(.write, path)
                ? -1
                : bytes.withUnsafeBytes { buffer in
                    posixWrite(descriptor, buffer.baseAddress.map { $0 + written }, min(chunk, bytes.count - written))
                }
            if count < 0 {
                if errno == EINTR { continue }
                return Self.lastErrorText()
            }
            written += count
        }
        return nil
    }

    /// Whether a test's ``WriteSeams`` fail `call` on `path`.
    ///
    /// `errno` is then set as they say. Always `false` without seams.
    @inline(__always)
    func failsByInjection(_ call: WriteSeams.Call, _ path: String) -> Bool {
        guard let seams, let code = seams.failure(call, path) else { return false }
        errno = code
        return true
    }

    /// The permission bits of the file at `path`, or 0666 less the umask for a new file.
    private static func mode(for path: String) -> mode_t {
        var info = stat()
        if stat(path, &info) == 0 { return info.st_mode & 0o7777 }
        return 0o666 & ~ProcessUmask.current()
    }

    /// `path` with links resolved by the system when it exists, else made absolute lexically.
    public func canonicalPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return absolutePath(path) }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The process's working directory (`/` if it cannot be read).
    public var currentDirectoryPath: String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func createDirectory(atPath path: String) throws(ConfigError) {
        if failsByInjection(.createDirectory, path) || (mkdir(path, 0o755) != 0 && errno != EEXIST) {
            throw ConfigError(.writeFailed, "cannot create directory \(path): \(Self.lastErrorText())")
        }
    }

    static func lastErrorText() -> String {
        guard let text = strerror(errno) else { return "error \(errno)" }
        return String(cString: text)
    }
}

@inline(__always)
private func posixWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
