import ArgumentParser
import BERS
import BERSYAML

/// The argument of the tenant commands that take a document: a file, or a tenant hash read
/// through the store.
struct TenantTarget {
    /// The argument as given.
    let text: String

    /// Whether the argument names a file rather than a hash: it has a `/`, ends in `.json` (or a
    /// YAML suffix), or exists.
    var namesFile: Bool {
        text.contains("/") || text.lowercased().hasSuffix(".json") || DocumentFile.isYAML(text)
            || LocalFileSystem().itemKind(atPath: text) != .missing
    }

    /// Runs `body` with the place of the document: the file itself (migrated in place, backups
    /// beside it), or the configuration of the hash's tenant in the store.
    ///
    /// With `recovering` (history and rollback), the document may be missing or unreadable: a
    /// file need not exist, and a hash needs only its mapping.
    func withPlace<Result: Sendable>(
        project: ConfigProject?,
        stores: TenantStoreOptions,
        settings: TenantSettings,
        recovering: Bool = false,
        _ body: (TenantDocumentPlace) async throws -> Result
    ) async throws -> Result {
        if namesFile {
            guard recovering || LocalFileSystem().fileExists(atPath: text) else {
                throw ConfigError(.unreadable, "tenant document \(text) does not exist")
            }
            return try await body(.file(text))
        }
        let hash = try TenantHash(text, policy: settings.hashPolicy)
        return try await stores.withStore(project: project) { store in
            let place = try await TenantDocumentPlace.locate(
                hash,
                in: store,
                maxBytes: settings.maxBytes,
                acceptingUnreadable: recovering
            )
            return try await body(place)
        }
    }
}
