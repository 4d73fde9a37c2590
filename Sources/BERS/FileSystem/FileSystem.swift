/// The file operations BERS needs, so that tests and embedders can supply their own.
///
/// ``LocalFileSystem`` reads the real disk; ``InMemoryFileSystem`` holds files in memory.
public protocol FileSystem: Sendable {
    /// The names (not paths) of the entries in the directory at `path`.
    ///
    /// - Throws: ``ConfigError`` `config.unreadable` when it does not exist or is not a directory.
    func contentsOfDirectory(atPath path: String) throws(ConfigError) -> [String]

    /// The bytes of the file at `path`.
    ///
    /// - Throws: ``ConfigError`` `config.unreadable` when it cannot be read or is larger than
    ///   `maxBytes`.
    func contents(atPath path: String, maxBytes: Int) throws(ConfigError) -> [UInt8]

    /// Whether something exists at `path`, and whether it is a directory.
    func itemKind(atPath path: String) -> FileItemKind

    /// Writes `bytes` to `path` atomically: readers see the old file or the new one, never a part.
    ///
    /// - Throws: ``ConfigError`` `config.write-failed`; the old file is then untouched.
    func write(_ bytes: [UInt8], toPath path: String) throws(ConfigError)

    /// Writes `bytes` to `path` atomically, as ``write(_:toPath:)`` does, giving the file the
    /// permission bits `permissions` (`0o600`); file systems without modes ignore them.
    ///
    /// - Throws: ``ConfigError`` `config.write-failed`; the old file is then untouched.
    func write(_ bytes: [UInt8], toPath path: String, permissions: UInt32) throws(ConfigError)

    /// Creates the directory at `path` (its parent must exist); succeeds if it already exists.
    func createDirectory(atPath path: String) throws(ConfigError)

    /// The folder relative paths start from (the process's working directory on disk).
    var currentDirectoryPath: String { get }

    /// `path` absolute, with links resolved where it exists (`realpath`), else as
    /// ``absolutePath(_:)`` makes it.
    func canonicalPath(_ path: String) -> String

    /// The permission bits of the file at `path` (`0o600`), or `nil` when unknown (file systems
    /// without modes, or nothing there).
    func permissions(atPath path: String) -> UInt32?

    /// Runs `body` holding an exclusive lock on the directory at `directory`, so that writers
    /// in other processes that lock it too wait their turn (check-then-write stays atomic).
    ///
    /// - Throws: ``ConfigError`` `config.write-failed` when the lock cannot be taken, or what
    ///   `body` throws.
    func withExclusiveLock<Result>(
        onDirectory directory: String,
        _ body: () throws(ConfigError) -> Result
    ) throws(ConfigError) -> Result
}

/// What is at a path.
public enum FileItemKind: Sendable, Hashable {
    /// Nothing.
    case missing
    /// A regular file (or anything that is not a directory).
    case file
    /// A directory.
    case directory
}

extension FileSystem {
    /// Runs `body`: a file system without other processes needs no lock.
    public func withExclusiveLock<Result>(
        onDirectory directory: String,
        _ body: () throws(ConfigError) -> Result
    ) throws(ConfigError) -> Result {
        try body()
    }

    /// Unknown: file systems without modes keep this default.
    public func permissions(atPath path: String) -> UInt32? { nil }

    /// ``write(_:toPath:)``: file systems without modes keep this default.
    public func write(_ bytes: [UInt8], toPath path: String, permissions: UInt32) throws(ConfigError) {
        try write(bytes, toPath: path)
    }

    /// The bytes of the file at `path`, up to 16 MiB.
    public func contents(atPath path: String) throws(ConfigError) -> [UInt8] {
        try contents(atPath: path, maxBytes: 16 * 1024 * 1024)
    }

    /// Whether a regular file exists at `path`.
    public func fileExists(atPath path: String) -> Bool { itemKind(atPath: path) == .file }

    /// Whether a directory exists at `path`.
    public func directoryExists(atPath path: String) -> Bool { itemKind(atPath: path) == .directory }

    /// The root: paths of a file system without a working directory are relative to `/`.
    public var currentDirectoryPath: String { "/" }

    /// `path` made absolute against ``currentDirectoryPath`` and normalized (no `.` or `..`).
    public func absolutePath(_ path: String) -> String {
        PathText.normalized(PathText.isAbsolute(path) ? path : joinPath(currentDirectoryPath, path))
    }

    /// ``absolutePath(_:)``: a file system without links has nothing more to resolve.
    public func canonicalPath(_ path: String) -> String { absolutePath(path) }
}

/// Joins path components with `/`, without doubling separators.
public func joinPath(_ base: String, _ name: String) -> String {
    if base.isEmpty || base == "." || name.utf8.first == UInt8(ascii: "/") { return name }
    let needsSeparator = base.utf8.last != UInt8(ascii: "/")
    var path = ""
    path.reserveCapacity(base.utf8.count + name.utf8.count + 1)
    path += base
    if needsSeparator { path += "/" }
    path += name
    return path
}
