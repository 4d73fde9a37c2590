import Synchronization

/// Files held in memory, for tests and for embedders that ship configuration in the binary.
///
/// Paths are plain strings; a directory exists when a file lies beneath it.
///
/// ```swift
/// let files = InMemoryFileSystem(["config/default.json": #"{"api": {"timeout": 1000}}"#])
/// let project = try ConfigProject(directory: "config", fileSystem: files)
/// ```
public final class InMemoryFileSystem: FileSystem {
    // A class for shared identity: writes through one reference are seen by every holder.
    private let files: Mutex<[String: [UInt8]]>

    /// A file system holding these files (path to UTF-8 text).
    public init(_ files: [String: String] = [:]) {
        self.files = Mutex(files.mapValues { Array($0.utf8) })
    }

    /// A file system holding these files (path to bytes).
    public init(bytes files: [String: [UInt8]]) {
        self.files = Mutex(files)
    }

    /// Adds or replaces a file.
    public func setFile(_ path: String, _ text: String) {
        files.withLock { $0[Self.normalize(path)] = Array(text.utf8) }
    }

    /// Adds or replaces a file with these bytes.
    public func setFile(_ path: String, _ bytes: [UInt8]) {
        files.withLock { $0[Self.normalize(path)] = bytes }
    }

    /// Replaces every file at once with `files` (path to bytes): readers see the old set or the
    /// new one, never a mix.
    public func replaceAll(with files: [String: [UInt8]]) {
        var normalized: [String: [UInt8]] = [:]
        for (path, bytes) in files { normalized[Self.normalize(path)] = bytes }
        self.files.withLock { $0 = normalized }
    }

    /// Removes a file.
    public func removeFile(_ path: String) {
        files.withLock { _ = $0.removeValue(forKey: Self.normalize(path)) }
    }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func contentsOfDirectory(atPath path: String) throws(ConfigError) -> [String] {
        let prefix = Self.directoryPrefix(path)
        let names = files.withLock { files in
            Set(
                files.keys.compactMap { key -> String? in
                    guard key.utf8.starts(with: prefix.utf8) else { return nil }
                    let rest = Substring(key.utf8.dropFirst(prefix.utf8.count))
                    return PathText.segments(of: rest, omittingEmpty: true).first.map(String.init)
                }
            )
        }
        guard !names.isEmpty else {
            throw ConfigError(.unreadable, "cannot read directory \(path): No such file or directory")
        }
        return names.sorted()
    }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func contents(atPath path: String, maxBytes: Int) throws(ConfigError) -> [UInt8] {
        guard let bytes = files.withLock({ $0[Self.normalize(path)] }) else {
            throw ConfigError(.unreadable, "cannot read \(path): No such file or directory")
        }
        guard bytes.count <= maxBytes else {
            throw ConfigError(.tooLarge, "\(path) is \(bytes.count) bytes, more than the limit of \(maxBytes)")
        }
        return bytes
    }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func itemKind(atPath path: String) -> FileItemKind {
        let normalized = Self.normalize(path)
        let prefix = Self.directoryPrefix(path)
        return files.withLock { files in
            if files[normalized] != nil { return .file }
            return files.keys.contains { $0.utf8.starts(with: prefix.utf8) } ? .directory : .missing
        }
    }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func write(_ bytes: [UInt8], toPath path: String) throws(ConfigError) {
        files.withLock { $0[Self.normalize(path)] = bytes }
    }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func createDirectory(atPath path: String) throws(ConfigError) {
        // Directories exist implicitly when files lie beneath them.
    }

    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in PathText.segments(of: path, omittingEmpty: true) where part != "." { parts.append(part) }
        return parts.joined(separator: "/")
    }

    static func directoryPrefix(_ path: String) -> String {
        let normalized = normalize(path)
        return normalized.isEmpty ? "" : normalized + "/"
    }
}
