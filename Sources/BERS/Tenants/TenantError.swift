import BERSJSON

/// An error about a tenant: its hash, its store, or its document.
///
/// `description` is `file:line:col: message` when a location is known. Compare by ``code``.
public struct TenantError: BERSError {
    /// A stable identifier of the kind of error.
    public struct Code: BERSErrorCode {
        /// The stable text of the code.
        public let rawValue: String
        init(_ rawValue: String) { self.rawValue = rawValue }

        /// The text is not a tenant hash of an accepted shape.
        public static let invalidHash = Code("tenant.invalid-hash")
        /// No mapping or configuration exists for the tenant.
        public static let notFound = Code("tenant.not-found")
        /// A mapping is malformed or points outside `tenants/`.
        public static let invalidMapping = Code("tenant.invalid-mapping")
        /// A tenant document is not JSON, or not an object.
        public static let malformedDocument = Code("tenant.malformed-document")
        /// A document does not satisfy the tenant schema or the rules of `bers.json`.
        public static let invalidDocument = Code("tenant.invalid-document")
        /// An object is larger than the configured limit.
        public static let tooLarge = Code("tenant.too-large")
        /// The store cannot be reached or failed (connection refused, 5xx).
        public static let storeUnavailable = Code("tenant.store-unavailable")
        /// The store did not answer in time.
        public static let storeTimeout = Code("tenant.store-timeout")
        /// The store refused access (401, 403).
        public static let storeForbidden = Code("tenant.store-forbidden")
        /// The store answered something unusable (an unexpected status, a malformed envelope).
        public static let storeBadResponse = Code("tenant.store-bad-response")
        /// A store URL or store setting is malformed.
        public static let invalidStore = Code("tenant.invalid-store")
        /// Writing failed; nothing was written.
        public static let writeFailed = Code("tenant.write-failed")
        /// A conditional write found the object changed since it was read (a concurrent writer);
        /// nothing was written.
        public static let conflict = Code("tenant.conflict")
        /// A migration, history or rollback request cannot be carried out (no path between the
        /// versions, no backup to restore, a step that fails).
        public static let migrationFailed = Code("tenant.migration-failed")
    }

    /// What kind of error this is.
    public var code: Code
    /// One sentence naming the tenant, key or store, and what is wrong.
    public var message: String
    /// The file, line and column concerned, when known.
    public var location: SourceLocation?
    /// The error that caused this one, if any.
    public var underlying: (any Error & Sendable)?

    /// An error with this code and message.
    public init(
        _ code: Code,
        _ message: String,
        location: SourceLocation? = nil,
        underlying: (any Error & Sendable)? = nil
    ) {
        self.code = code
        self.message = message
        self.location = location
        self.underlying = underlying
    }

    /// Whether the store failed (it could not be reached, timed out, refused access or answered
    /// nonsense), as opposed to the tenant or its document being wrong.
    public var isStoreFailure: Bool {
        [.storeUnavailable, .storeTimeout, .storeForbidden, .storeBadResponse].contains(code)
    }
}
