import BERSJSON

extension TenantDocumentPlace {
    /// The document's current version: the stored object (bytes and entity tag) and its parse.
    ///
    /// - Throws: ``TenantError`` `tenant.not-found` when there is none,
    ///   `tenant.malformed-document` when it is not a JSON object, or the store's errors.
    public func read(maxBytes: Int = 1 << 20) async throws(TenantError) -> (
        object: StoredObject, document: JSONDocument
    ) {
        guard case .found(let object) = try await store.get(key) else {
            throw TenantError(.notFound, "\(description) does not exist")
        }
        return (object, try Self.parse(object.bytes, file: description, maxBytes: maxBytes))
    }

    /// `bytes` parsed as a tenant document (a JSON object) read from `file`.
    static func parse(_ bytes: [UInt8], file: String, maxBytes: Int) throws(TenantError) -> JSONDocument {
        guard bytes.count <= maxBytes else {
            throw TenantError(.tooLarge, "\(file) is \(bytes.count) bytes, more than the limit of \(maxBytes)")
        }
        let document: JSONDocument
        do {
            document = try JSONParser(options: .init(maxBytes: max(maxBytes, 1))).parse(bytes, file: file)
        } catch {
            throw TenantError(.malformedDocument, error.message, location: error.location, underlying: error)
        }
        guard case .object = document.value else {
            throw TenantError(
                .malformedDocument,
                "\(file): a tenant document is an object, found \(document.value.typeName)",
                location: document.location(ofNode: 0)
            )
        }
        return document
    }

    /// The current document and its backups, newest first, each with its version, size and hash.
    ///
    /// A missing current document is left out (the backups are still listed); one that cannot
    /// be parsed is listed as not readable (``TenantHistoryEntry/isReadable``).
    ///
    /// - Throws: the store's ``TenantError``s.
    public func history() async throws(TenantError) -> [TenantHistoryEntry] {
        var entries: [TenantHistoryEntry] = []
        if case .found(let current) = try await store.get(key) {
            entries.append(TenantHistoryEntry(key: key, backup: nil, bytes: current.bytes))
        }
        for backup in try await backups() {
            guard case .found(let object) = try await store.get(backup.key) else { continue }
            entries.append(TenantHistoryEntry(key: backup.key, backup: backup, bytes: object.bytes))
        }
        return entries
    }
}

/// One version of a tenant document: the current one or a backup.
public struct TenantHistoryEntry: Sendable, Hashable {
    /// Its key in the store.
    public let key: String
    /// The backup, or `nil` for the current document.
    public let backup: TenantBackup?
    /// The document's `version` member, when it has one.
    public let version: String?
    /// Its size in bytes.
    public let size: Int
    /// The SHA-256 of its bytes, hexadecimal.
    public let sha256: String
    /// Whether its bytes are a JSON object (a tenant document can be read from them).
    public let isReadable: Bool

    /// The entry of the object at `key` holding `bytes`.
    init(key: String, backup: TenantBackup?, bytes: [UInt8]) {
        self.key = key
        self.backup = backup
        let value = (try? JSONParser().parse(bytes, file: key))?.value
        self.version = value?["version"]?.stringValue
        if case .object? = value { self.isReadable = true } else { self.isReadable = false }
        self.size = bytes.count
        self.sha256 = BERSDigest.sha256Hex(bytes)
    }

    /// Whether this is the current document.
    public var isCurrent: Bool { backup == nil }
}
