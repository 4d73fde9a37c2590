import Synchronization

/// A file system that passes every call to another one and remembers the files read, with the
/// SHA-256 of the bytes it handed out: the exact inputs of one resolution, including schemas
/// registered for `$ref` and files read by a resolution that then failed.
///
/// Recording ends with ``finish()``: a project kept with a generation reads through it later
/// (tenant schemas, fallbacks) without growing the record.
final class RecordingFileSystem: SecretReadRecording {
    private struct Record {
        var reads: [ConfigurationGeneration.InputFile] = []
        var secretPaths: Set<String> = []
        var finished = false
    }

    private let base: any FileSystem
    private let record = Mutex(Record())

    /// Records the reads made through it from `base`.
    init(_ base: any FileSystem) { self.base = base }

    /// Stops recording and returns the files read, once each (the last read of a file wins), in
    /// the order first read; those marked by ``markSecret(_:)`` are secret inputs.
    func finish() -> [ConfigurationGeneration.InputFile] {
        let (reads, secretPaths) = record.withLock { record in
            record.finished = true
            return (record.reads, record.secretPaths)
        }
        var position: [String: Int] = [:]
        var unique: [ConfigurationGeneration.InputFile] = []
        for recorded in reads {
            let read = ConfigurationGeneration.InputFile(
                path: recorded.path,
                digest: recorded.digest,
                isSecret: secretPaths.contains(recorded.path)
            )
            if let index = position[read.path] {
                unique[index] = read
            } else {
                position[read.path] = unique.count
                unique.append(read)
            }
        }
        return unique
    }

    func contents(atPath path: String, maxBytes: Int) throws(ConfigError) -> [UInt8] {
        let bytes = try base.contents(atPath: path, maxBytes: maxBytes)
        let read = ConfigurationGeneration.InputFile(path: path, digest: BERSDigest.sha256Hex(bytes))
        record.withLock { record in
            if !record.finished { record.reads.append(read) }
        }
        return bytes
    }

    func markSecret(_ path: String) {
        record.withLock { record in
            if !record.finished { record.secretPaths.insert(path) }
        }
    }

    func contentsOfDirectory(atPath path: String) throws(ConfigError) -> [String] {
        try base.contentsOfDirectory(atPath: path)
    }

    func itemKind(atPath path: String) -> FileItemKind { base.itemKind(atPath: path) }

    func write(_ bytes: [UInt8], toPath path: String) throws(ConfigError) {
        try base.write(bytes, toPath: path)
    }

    func createDirectory(atPath path: String) throws(ConfigError) {
        try base.createDirectory(atPath: path)
    }

    var currentDirectoryPath: String { base.currentDirectoryPath }

    func canonicalPath(_ path: String) -> String { base.canonicalPath(path) }
}
