/// A read-only view of a file system with some files replaced or added in memory: a project
/// loaded over it resolves as it will once those files are written.
struct KeyMigrationOverlay: FileSystem {
    /// The file system underneath.
    let base: any FileSystem
    /// The replaced and added files, by normalized path.
    private let files: [String: [UInt8]]

    /// `base` with `files` (path to contents) on top.
    init(base: any FileSystem, files: [(path: String, contents: [UInt8])]) {
        self.base = base
        var byPath: [String: [UInt8]] = [:]
        for file in files { byPath[PathText.normalized(file.path)] = file.contents }
        self.files = byPath
    }

    func contentsOfDirectory(atPath path: String) throws(ConfigError) -> [String] {
        let folder = PathText.normalized(path)
        var names = Set(try base.contentsOfDirectory(atPath: path))
        for added in files.keys {
            let parts = PathText.segments(of: added)
            guard let name = parts.last else { continue }
            let parent = parts.dropLast().joined(separator: "/")
            if parent == folder || (parent.isEmpty && folder == ".") { names.insert(String(name)) }
        }
        return names.sorted()
    }

    func contents(atPath path: String, maxBytes: Int) throws(ConfigError) -> [UInt8] {
        guard let replaced = files[PathText.normalized(path)] else {
            return try base.contents(atPath: path, maxBytes: maxBytes)
        }
        guard replaced.count <= maxBytes else {
            throw ConfigError(.tooLarge, "\(path) would be \(replaced.count) bytes, more than the limit of \(maxBytes)")
        }
        return replaced
    }

    func itemKind(atPath path: String) -> FileItemKind {
        files[PathText.normalized(path)] != nil ? .file : base.itemKind(atPath: path)
    }

    func write(_ bytes: [UInt8], toPath path: String) throws(ConfigError) {
        throw ConfigError(.writeFailed, "cannot write \(path): a migration is checked without writing")
    }

    func createDirectory(atPath path: String) throws(ConfigError) {
        throw ConfigError(.writeFailed, "cannot create \(path): a migration is checked without writing")
    }

    var currentDirectoryPath: String { base.currentDirectoryPath }

    func canonicalPath(_ path: String) -> String { base.canonicalPath(path) }

    func permissions(atPath path: String) -> UInt32? { base.permissions(atPath: path) }
}
