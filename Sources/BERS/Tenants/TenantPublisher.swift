import BERSJSON

/// Writes a tenant document to a store the safe way: validate first and refuse an invalid
/// document, keep the previous version as `tenants/<id>/<id>-<UTC timestamp>.json`, write the
/// configuration (each store write is atomic), then make sure the mapping points at it.
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
        /// The warnings of the validation.
        public let warnings: [TenantIssue]
    }

    /// The store written to.
    public let store: any TenantStore
    /// The validator run first.
    public let validator: TenantValidator

    /// A publisher writing to `store` after checking with `validator`.
    public init(store: any TenantStore, validator: TenantValidator) {
        self.store = store
        self.validator = validator
    }

    /// Validates and writes `bytes` (read from `file`, for messages).
    ///
    /// - Throws: ``TenantError`` `tenant.invalid-document` listing every issue when the document is
    ///   invalid (nothing is written), `tenant.malformed-document`, `tenant.invalid-hash`, or the
    ///   store's errors.
    public func publish(
        _ bytes: [UInt8],
        file: String,
        now: UTCTimestamp = .now(),
        repointMapping: Bool = false
    ) async throws(TenantError) -> Outcome {
        let document: JSONDocument
        do {
            document = try JSONParser(options: .init(maxBytes: max(validator.settings.maxBytes, 1)))
                .parse(bytes, file: file)
        } catch {
            throw TenantError(.malformedDocument, error.message, location: error.location, underlying: error)
        }
        let report = validator.validate(document)
        guard report.isValid else {
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
        let current: String? =
            if case .found(let object) = try await store.get(mappingKey) {
                (try? JSONParser().parse(object.bytes, file: mappingKey))?.value["tenant_id"]?.stringValue
            } else {
                nil
            }
        if let current, current != tenantID, !repointMapping {
            throw TenantError(
                .invalidMapping,
                "hash \(hash.value) already belongs to tenant \(current); refusing to point it at \(tenantID); nothing was written"
            )
        }

        let key = TenantRepository.configKey(tenantID: tenantID)
        var backupKey: String?
        if case .found(let previous) = try await store.get(key) {
            if previous.bytes == bytes {
                backupKey = nil
            } else {
                // Two publishes in the same second keep both earlier versions.
                var candidate = "tenants/\(tenantID)/\(tenantID)-\(now).json"
                var attempt = 2
                while case .found = try await store.get(candidate) {
                    candidate = "tenants/\(tenantID)/\(tenantID)-\(now)-\(attempt).json"
                    attempt += 1
                }
                _ = try await store.put(candidate, previous.bytes, contentType: "application/json")
                backupKey = candidate
            }
        }
        _ = try await store.put(key, bytes, contentType: "application/json")

        let mapping = Array(JSONValue.object(["tenant_id": .string(tenantID)]).jsonText.utf8)
        var wroteMapping = false
        if current != tenantID {
            _ = try await store.put(mappingKey, mapping, contentType: "application/json")
            wroteMapping = true
        }
        return Outcome(
            tenantID: tenantID,
            hash: hash,
            key: key,
            backupKey: backupKey,
            wroteMapping: wroteMapping,
            warnings: report.warnings
        )
    }
}
