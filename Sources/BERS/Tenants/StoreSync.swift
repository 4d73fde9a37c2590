/// Copies a store's objects to another store, verifying each copy: what `bers sync` runs to move
/// tenants from S3 to etcd, or to seed a test environment.
///
/// The objects copied are those of the store layout: `mappings/`, `tenants/` (backups included)
/// and `config/` (environment layers kept in the store). An object whose bytes the target already
/// holds is left alone; any other is written only over the version read from the target
/// (`tenant.conflict` if someone writes in between), then read back and compared.
///
/// ```swift
/// let outcome = try await StoreSync(from: s3, to: etcd).run()
/// outcome.copied.count
/// ```
public struct StoreSync: Sendable {
    /// What a sync did, key by key (sorted).
    public struct Outcome: Sendable {
        /// Keys written to the target and read back the same (or that would be, in a dry run).
        public var copied: [String] = []
        /// Keys whose bytes the target already held.
        public var unchanged: [String] = []
        /// Keys whose copy failed, and why.
        public var failed: [(key: String, error: TenantError)] = []

        /// Nothing done yet.
        public init() {}
    }

    /// The key prefixes of the store layout that are copied, in order: documents before the
    /// mappings that point at them, so that a server watching the target never follows a mapping
    /// to a document not yet there.
    public static let families = ["config/", "tenants/", "mappings/"]

    /// Where objects are read.
    public let source: any TenantStore
    /// Where they are written.
    public let target: any TenantStore

    /// A sync from `source` to `target`.
    public init(from source: any TenantStore, to target: any TenantStore) {
        self.source = source
        self.target = target
    }

    /// Copies every object of the layout from the source.
    ///
    /// - Parameter dryRun: Whether to only compare (nothing is written).
    /// - Throws: ``TenantError`` when the source cannot be listed; a failed copy is reported in
    ///   ``Outcome/failed`` and the others go on.
    public func run(dryRun: Bool = false) async throws(TenantError) -> Outcome {
        var outcome = Outcome()
        for family in Self.families {
            for key in try await source.list(prefix: family) {
                do throws(TenantError) {
                    guard case .found(let object) = try await source.get(key) else { continue }
                    try await copy(object.bytes, to: key, dryRun: dryRun, into: &outcome)
                } catch {
                    outcome.failed.append((key, error))
                }
            }
        }
        return outcome
    }

    /// Copies the files of a local config directory to `config/` in the target (`local.*` and
    /// `<env>.local.*` files, which belong to one machine, and hidden files are left out).
    ///
    /// - Throws: ``ConfigError`` when the directory cannot be read.
    public func copyConfiguration(
        directory: String,
        fileSystem: any FileSystem = LocalFileSystem(),
        dryRun: Bool = false
    ) async throws(ConfigError) -> Outcome {
        var outcome = Outcome()
        for relative in try Self.files(in: directory, fileSystem: fileSystem) {
            let bytes = try fileSystem.contents(atPath: joinPath(directory, relative))
            do throws(TenantError) {
                try await copy(bytes, to: "config/" + relative, dryRun: dryRun, into: &outcome)
            } catch {
                outcome.failed.append(("config/" + relative, error))
            }
        }
        return outcome
    }

    /// Writes `bytes` at `key` unless the target holds them, then reads them back.
    private func copy(_ bytes: [UInt8], to key: String, dryRun: Bool, into outcome: inout Outcome)
        async throws(TenantError)
    {
        let existing: StoredObject? = if case .found(let object) = try await target.get(key) { object } else { nil }
        if existing?.bytes == bytes {
            outcome.unchanged.append(key)
            return
        }
        if !dryRun {
            _ = try await target.put(key, bytes, contentType: "application/json", condition: .over(existing))
            guard case .found(let written) = try await target.get(key), written.bytes == bytes else {
                throw TenantError(
                    .storeBadResponse,
                    "\(target.description)/\(key) does not hold the bytes just written to it (verification failed)"
                )
            }
        }
        // Counted once written and read back (or, in a dry run, once found to differ): a key is
        // either copied or failed, never both.
        outcome.copied.append(key)
    }

    /// The files below `directory`, relative, sorted; machine-local layers and hidden files left out.
    static func files(in directory: String, fileSystem: any FileSystem) throws(ConfigError) -> [String] {
        var found: [String] = []
        for name in try fileSystem.contentsOfDirectory(atPath: directory).sorted() where !name.hasPrefix(".") {
            let stem = name.split(separator: ".").dropLast().joined(separator: ".")
            if stem == "local" || stem.hasSuffix(".local") { continue }
            let path = joinPath(directory, name)
            if fileSystem.directoryExists(atPath: path) {
                found += try files(in: path, fileSystem: fileSystem).map { name + "/" + $0 }
            } else {
                found.append(name)
            }
        }
        return found
    }
}
