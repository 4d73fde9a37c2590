#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The real file system, through POSIX calls (no Foundation on the resolve path).
public struct LocalFileSystem: FileSystem {
    /// The local file system.
    public init() {}

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

    /// Writes several files so that none changes unless all could be written: every file goes to
    /// a temporary file beside it first, and only then are they renamed into place.
    ///
    /// An existing file keeps its permission bits; a new one gets 0666 less the umask, as any
    /// program creating it would.
    public func writeAll(_ files: [(path: String, bytes: [UInt8])]) throws(ConfigError) {
        var temporaries: [(temporary: String, path: String)] = []
        func discard() { for entry in temporaries { unlink(entry.temporary) } }
        for (path, bytes) in files {
            do {
                temporaries.append((try Self.writeTemporary(bytes, beside: path), path))
            } catch {
                discard()
                throw error
            }
        }
        for (index, entry) in temporaries.enumerated() where rename(entry.temporary, entry.path) != 0 {
            let reason = Self.lastErrorText()
            for later in temporaries[index...] { unlink(later.temporary) }
            throw ConfigError(.writeFailed, "cannot write \(entry.path): \(reason)")
        }
        for directory in Set(temporaries.map { Self.directory(of: $0.path) }) {
            let descriptor = open(directory, O_RDONLY | O_CLOEXEC)
            if descriptor >= 0 {
                fsync(descriptor)
                close(descriptor)
            }
        }
    }

    private static func directory(of path: String) -> String {
        let directory = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return path.hasPrefix("/") && directory.isEmpty ? "/" : (directory.isEmpty ? "." : directory)
    }

    /// Writes `bytes` to a new temporary file in `path`'s directory, synced, with the mode `path`
    /// has (or would get); returns its path.
    private static func writeTemporary(_ bytes: [UInt8], beside path: String) throws(ConfigError) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var template = Array(joinPath(directory(of: path), ".\(name).bers-tmp-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard descriptor >= 0 else {
            throw ConfigError(.writeFailed, "cannot write \(path): \(lastErrorText()); nothing was written")
        }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var written = 0
        var failure: String?
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                posixWrite(descriptor, buffer.baseAddress.map { $0 + written }, bytes.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                failure = lastErrorText()
                break
            }
            written += count
        }
        if failure == nil, fsync(descriptor) != 0 { failure = lastErrorText() }
        if failure == nil { fchmod(descriptor, mode(for: path)) }
        close(descriptor)
        if let failure {
            unlink(temporary)
            throw ConfigError(.writeFailed, "cannot write \(path): \(failure); nothing was written")
        }
        return temporary
    }

    /// The permission bits of the file at `path`, or 0666 less the umask for a new file.
    private static func mode(for path: String) -> mode_t {
        var info = stat()
        if stat(path, &info) == 0 { return info.st_mode & 0o7777 }
        let mask = umask(0)
        umask(mask)
        return 0o666 & ~mask
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
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
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
