import BERSJSON

/// Writes a tenant document to a store the safe way: validate first and refuse an invalid
/// document, keep the previous version as `tenants/<id>/<id>-<UTC timestamp>.json`, write the
/// configuration only over the version read (a concurrent writer makes it fail with
/// `tenant.conflict`; each store write is atomic), then make sure the mapping points at it.
public struct TenantPublisher: Sendable {
    /// What was written.
    public struct Outcome: Sendable {
        /// The tenant id.
        public let tenantID: String
        /// The tenant hash.
        public let hash: TenantHash
        /// The configuration key written.
        public let key: String
        /// The key the previous version was kept at, if there was one.
        public let backupKey: String?
        /// Whether the mapping was written (it was missing or pointed elsewhere).
        public let wroteMapping: Bool
        /// The warnings of the validation (and its errors, when forced).
        public let warnings: [TenantIssue]
        /// How many validation errors `force` wrote past (0 for a valid document).
        public let forcedErrors: Int
    }

    /// The store written to.
    public let store: any TenantStore
    /// The validator run first.
    public let validator: TenantValidator
    /// Keeps the previous version and writes only over the version read.
    public let writer: TenantChangeWriter

    /// A publisher writing to `store` after checking with `validator`.
    public init(store: any TenantStore, validator: TenantValidator, writer: TenantChangeWriter = TenantChangeWriter()) {
        self.store = store
        self.validator = validator
        self.writer = writer
    }

    /// Validates and writes `bytes` (read from `file`, for messages); with `force`, an invalid
    /// document is written anyway and its errors are returned among the warnings.
    ///
    /// - Throws: ``TenantError`` `tenant.invalid-document` listing every issue when the document is
    ///   invalid (nothing is written), `tenant.malformed-document`, `tenant.invalid-hash`, or the
    ///   store's errors. A store failure after the document was written (writing the mapping)
    ///   leaves the new document and its backup, complete; publishing again writes the mapping.
    public func publish(
        _ bytes: [UInt8],
        file: String,
        now: UTCTimestamp = .now(),
        repointMapping: Bool = false,
        force: Bool = false
    ) async throws(TenantError) -> Outcome {
        let document: JSONDocument
        do {
            document = try JSONParser(options: .init(maxBytes: max(validator.settings.maxBytes, 1)))
                .parse(bytes, file: file)
        } catch {
            throw TenantError(.malformedDocument, error.message, location: error.location, underlying: error)
        }
        let report = validator.validate(document)
        guard report.isValid || force else {
            throw TenantError(
                .invalidDocument,
                "\(file) has \(report.errors.count) problem\(report.errors.count == 1 ? "" : "s"); nothing was written:\n"
                    + report.errors.map(\.description).joined(separator: "\n")
            )
        }
        guard case .string(let tenantID)? = document.value["tenant_id"], TenantRepository.isValidTenantID(tenantID)
        else {
            throw TenantError(
                .invalidDocument,
                "\(file) needs a plain \"tenant_id\" to be published",
                location: document.location(of: "/tenant_id")
            )
        }
        guard case .string(let hashText)? = document.value["tenant_hash"] else {
            throw TenantError(
                .invalidDocument,
                "\(file) needs a \"tenant_hash\" to be published",
                location: document.location(ofNode: 0)
            )
        }
        let hash = try TenantHash(hashText, policy: validator.settings.hashPolicy)

        // A hash that already names another tenant is only re-pointed when asked, and nothing is
        // written before that is settled.
        let mappingKey = TenantRepository.mappingKey(hash)
        let mappingObject: StoredObject? =
            if case .found(let object) = try await store.get(mappingKey) { object } else { nil }
        let mapped = mappingObject.flatMap {
            (try? JSONParser().parse($0.bytes, file: mappingKey))?.value["tenant_id"]?.stringValue
        }
        if let mapped, mapped != tenantID, !repointMapping {
            throw TenantError(
                .invalidMapping,
                "hash \(hash.value) already belongs to tenant \(mapped); refusing to point it at \(tenantID); nothing was written"
            )
        }

        let place = TenantDocumentPlace.tenant(tenantID, in: store)
        let current: StoredObject? = if case .found(let object) = try await store.get(place.key) { object } else { nil }
        let written = try await writer.replace(place, with: bytes, over: current, now: now)
        let key = place.key
        let backupKey = written.backupKey
        let mapping = Array(JSONValue.object(["tenant_id": .string(tenantID)]).jsonText.utf8)
        var wroteMapping = false
        if mapped != tenantID {
            // Over the mapping read (or none), so that a concurrent re-pointing is not lost.
            _ = try await store.put(
                mappingKey,
                mapping,
                contentType: "application/json",
                condition: .over(mappingObject)
            )
            wroteMapping = true
        }
        return Outcome(
            tenantID: tenantID,
            hash: hash,
            key: key,
            backupKey: backupKey,
            wroteMapping: wroteMapping,
            warnings: force ? report.errors + report.warnings : report.warnings,
            forcedErrors: report.errors.count
        )
    }
}
