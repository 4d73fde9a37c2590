#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What a polling watcher compares between two looks at a directory: the directory's identity
/// and, per entry, its stamp and, for a symbolic link, its target text and the stamp of what it
/// points to (so a ConfigMap's `default.json -> ..data/default.json` changes when `..data` does).
struct DirectorySnapshot: Sendable, Equatable {
    /// One entry of the directory.
    struct Entry: Sendable, Equatable {
        let stamp: FileStamp
        let linkTarget: String?
        let targetStamp: FileStamp?
    }

    /// The directory's own stamp (device and inode only), `nil` when it could not be read.
    let identity: [UInt64]?
    /// The entries by name.
    let entries: [String: Entry]

    /// Looks at `directory`; the `errno` of the failure when it cannot be read.
    static func take(_ directory: String) -> Result<DirectorySnapshot, ConfigError> {
        guard let stream = opendir(directory) else {
            return .failure(ConfigError(.unreadable, "cannot watch \(directory): \(LocalFileSystem.lastErrorText())"))
        }
        defer { closedir(stream) }
        let descriptor = dirfd(stream)
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            return .failure(ConfigError(.unreadable, "cannot watch \(directory): \(LocalFileSystem.lastErrorText())"))
        }
        let own = FileStamp(info)
        var entries: [String: Entry] = [:]
        while let record = readdir(stream) {
            let name = withUnsafeBytes(of: record.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name != "." && name != "..", let entry = Self.entry(name, in: descriptor) else { continue }
            entries[name] = entry
        }
        return .success(DirectorySnapshot(identity: [own.device, own.inode], entries: entries))
    }

    /// A snapshot of a directory that could not be read (removed, or no longer accessible).
    static let unreadable = DirectorySnapshot(identity: nil, entries: [:])

    /// The names that differ from `earlier`, sorted; `nil` when the directory itself appeared,
    /// disappeared or was replaced.
    func changedNames(since earlier: DirectorySnapshot) -> [String]? {
        guard identity == earlier.identity else { return nil }
        var names: [String] = []
        for (name, entry) in entries where earlier.entries[name] != entry { names.append(name) }
        for name in earlier.entries.keys where entries[name] == nil { names.append(name) }
        return names.sorted()
    }

    /// The entry `name` of the directory open as `directory`; `nil` if it vanished meanwhile.
    private static func entry(_ name: String, in directory: Int32) -> Entry? {
        var info = stat()
        guard fstatat(directory, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        let stamp = FileStamp(info)
        guard stamp.isSymbolicLink else { return Entry(stamp: stamp, linkTarget: nil, targetStamp: nil) }
        var target = stat()
        let targetStamp = fstatat(directory, name, &target, 0) == 0 ? FileStamp(target) : nil
        return Entry(stamp: stamp, linkTarget: linkTarget(name, in: directory), targetStamp: targetStamp)
    }

    private static func linkTarget(_ name: String, in directory: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = buffer.withUnsafeMutableBytes { raw -> Int in
            guard let base = raw.baseAddress else { return -1 }
            return readlinkat(directory, name, base.assumingMemoryBound(to: CChar.self), raw.count)
        }
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }
}
