/// A tenant store on disk (`file://DIR`): a directory with the bucket layout.
///
/// Entity tags are the SHA-256 of the content, so conditional reads work as with S3. Writes are
/// atomic (temporary file, then rename).
public struct FileSystemTenantStore: TenantStore {
    /// The root directory.
    public let root: String
    /// The file system used.
    public let fileSystem: any FileSystem
    /// Largest object read, in bytes.
    public let maxBytes: Int

    /// A store rooted at `root`.
    public init(root: String, fileSystem: any FileSystem = LocalFileSystem(), maxBytes: Int = 1 << 20) {
        self.root = root
        self.fileSystem = fileSystem
        self.maxBytes = maxBytes
    }

    /// The store a `file://DIR` URL names.
    ///
    /// A relative `DIR` is relative to `base` (the config directory, for `tenants.store` in
    /// `bers.json`): `file://../tenants` in `config/` reads `config/../tenants`, which the system
    /// resolves (through `config` when it is a link), and is described as `file://tenants`.
    ///
    /// - Throws: ``TenantError`` `tenant.invalid-store` when the URL is not `file://` or names no
    ///   directory.
    public init(
        url: String,
        relativeTo base: String = ".",
        fileSystem: any FileSystem = LocalFileSystem(),
        maxBytes: Int = 1 << 20
    ) throws(TenantError) {
        guard url.hasPrefix(Self.scheme) else {
            throw TenantError(.invalidStore, "\(url) is not a file:// store URL")
        }
        let path = String(url.dropFirst(Self.scheme.count))
        guard !path.isEmpty else { throw TenantError(.invalidStore, "\(url) names no directory") }
        self.init(
            root: PathText.isAbsolute(path) ? path : joinPath(base, path),
            fileSystem: fileSystem,
            maxBytes: maxBytes
        )
    }

    /// `file://`, the scheme of store URLs this store serves.
    public static let scheme = "file://"

    /// `file://` and the root, normalized for people (`config/../tenants` reads as `tenants`).
    public var description: String { "file://\(PathText.normalized(root))" }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func get(_ key: String, ifNoneMatch etag: String?) async throws(TenantError) -> StoreResponse {
        let path = try self.path(for: key)
        guard fileSystem.fileExists(atPath: path) else { return .notFound }
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.contents(atPath: path, maxBytes: maxBytes)
        } catch {
            if error.code == .tooLarge {
                throw TenantError(.tooLarge, "\(description)/\(key) is larger than the limit of \(maxBytes) bytes")
            }
            throw TenantError(.storeUnavailable, "\(description)/\(key): \(error.message)", underlying: error)
        }
        let tag = Self.entityTag(bytes)
        if let etag, etag == tag { return .notModified }
        return .found(StoredObject(bytes: bytes, etag: tag))
    }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func put(
        _ key: String,
        _ bytes: [UInt8],
        contentType: String,
        condition: StoreWriteCondition
    ) async throws(TenantError) -> String? {
        try write(key, bytes, condition: condition, permissions: nil)
    }

    /// Writes the copy with the permission bits of `source`'s file (a backup of a `0600`
    /// document is `0600` from the moment it exists).
    public func putCopy(_ key: String, _ bytes: [UInt8], of source: String) async throws(TenantError) -> String? {
        let permissions = fileSystem.permissions(atPath: try path(for: source))
        return try write(key, bytes, condition: .ifAbsent, permissions: permissions)
    }

    /// Writes `bytes` at `key` when `condition` holds, with `permissions` (`nil`: those the file
    /// has, or a new file's).
    private func write(_ key: String, _ bytes: [UInt8], condition: StoreWriteCondition, permissions: UInt32?)
        throws(TenantError) -> String?
    {
        let path = try self.path(for: key)
        let directory = PathText.parent(of: path)
        var conflict: String?
        do {
            try createDirectories(directory)
            try fileSystem.withExclusiveLock(onDirectory: directory.isEmpty ? "." : directory) {
                () throws(ConfigError) in
                conflict = try conflictReason(at: path, condition: condition)
                guard conflict == nil else { return }
                if let permissions {
                    try fileSystem.write(bytes, toPath: path, permissions: permissions)
                } else {
                    try fileSystem.write(bytes, toPath: path)
                }
            }
        } catch {
            throw TenantError(.writeFailed, "\(description)/\(key): \(error.message)", underlying: error)
        }
        if let conflict {
            throw TenantError(.conflict, "\(description)/\(key) \(conflict); nothing was written")
        }
        return Self.entityTag(bytes)
    }

    /// Why `condition` does not hold for the file at `path`, or `nil` when it holds.
    private func conflictReason(at path: String, condition: StoreWriteCondition) throws(ConfigError) -> String? {
        switch condition {
        case .unconditional:
            return nil
        case .ifAbsent:
            return fileSystem.itemKind(atPath: path) == .missing ? nil : "already exists"
        case .ifMatch(let expected):
            guard fileSystem.fileExists(atPath: path) else { return "was removed since it was read" }
            let current = Self.entityTag(try fileSystem.contents(atPath: path, maxBytes: Int.max))
            return current == expected ? nil : "changed since it was read (entity tag \(current), expected \(expected))"
        }
    }

    /// The entity tag of content: its SHA-256, quoted.
    static func entityTag(_ bytes: [UInt8]) -> String { "\"" + BERSDigest.sha256Hex(bytes) + "\"" }

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public func list(prefix: String) async throws(TenantError) -> [String] {
        var keys: [String] = []
        func walk(_ relative: String) throws(ConfigError) {
            let directory = relative.isEmpty ? root : joinPath(root, relative)
            for name in try fileSystem.contentsOfDirectory(atPath: directory) where !name.hasPrefix(".") {
                let key = relative.isEmpty ? name : relative + "/" + name
                if fileSystem.directoryExists(atPath: joinPath(root, key)) {
                    if key.utf8.starts(with: prefix.utf8) || prefix.utf8.starts(with: (key + "/").utf8) {
                        try walk(key)
                    }
                } else if key.utf8.starts(with: prefix.utf8) {
                    keys.append(key)
                }
            }
        }
        guard fileSystem.directoryExists(atPath: root) else {
            throw TenantError(.storeUnavailable, "\(description) does not exist or is not a directory")
        }
        do { try walk("") } catch {
            throw TenantError(.storeUnavailable, "\(description): \(error.message)", underlying: error)
        }
        return keys.sorted()
    }

    /// The file of `key`; keys with empty, `.` or `..` segments are refused.
    ///
    /// Segments are split on the `/` byte, as the file system does: split by characters, a `/`
    /// followed by a combining mark (`"../\u{301}x"`) is no separator and would hide a `..`.
    func path(for key: String) throws(TenantError) -> String {
        let slash = UInt8(ascii: "/")
        let segments = key.utf8.split(separator: slash, omittingEmptySubsequences: false)
        guard !key.isEmpty, key.utf8.first != slash, segments.allSatisfy(Self.isPlainSegment) else {
            throw TenantError(.invalidStore, "key \"\(key)\" is not a plain relative key")
        }
        return joinPath(root, key)
    }

    private static func isPlainSegment(_ segment: Substring.UTF8View) -> Bool {
        !segment.isEmpty && !segment.elementsEqual(".".utf8) && !segment.elementsEqual("..".utf8)
            && !segment.contains(UInt8(ascii: "\\")) && !segment.contains(0)
    }

    private func createDirectories(_ directory: String) throws(ConfigError) {
        guard !directory.isEmpty, !fileSystem.directoryExists(atPath: directory) else { return }
        let parent = PathText.parent(of: directory)
        try createDirectories(parent)
        try fileSystem.createDirectory(atPath: directory)
    }
}
