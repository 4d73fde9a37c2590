import BERS

/// A conformance check every ``TenantStore`` should pass: put and get round trips, entity tags and
/// conditional reads and writes, missing keys, and sorted prefix listings.
///
/// ```swift
/// @Test func fileStoreConforms() async throws {
///     try await TenantStoreConformance(store: FileSystemTenantStore(root: directory)).run()
/// }
/// ```
/// The check writes under `conformance/` in the store; give it an empty store or bucket.
public struct TenantStoreConformance: Sendable {
    /// A failed expectation, naming the step.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// What went wrong.
        public var description: String
    }

    /// The store checked.
    public let store: any TenantStore
    /// Whether the store supports `put` and `list` (read-only stores skip those steps).
    public let isWritable: Bool

    /// A check of `store`.
    public init(store: any TenantStore, isWritable: Bool = true) {
        self.store = store
        self.isWritable = isWritable
    }

    /// Runs every step; throws the first failure.
    public func run() async throws {
        try await missingKeyIsNotFound()
        guard isWritable else { return }
        try await putThenGetRoundTrips()
        try await conditionalReadAnswersNotModified()
        try await overwriteChangesTheEntityTag()
        try await listReturnsSortedKeysUnderAPrefix()
        try await conditionalWritesRefuseConflicts()
    }

    private func expect(_ condition: Bool, _ message: @autoclosure () -> String) throws {
        if !condition { throw Failure(description: "\(store.description): \(message())") }
    }

    func missingKeyIsNotFound() async throws {
        let response = try await store.get("conformance/does-not-exist.json")
        try expect(response == .notFound, "a missing key must be .notFound, got \(response)")
    }

    func putThenGetRoundTrips() async throws {
        let bytes = Array(#"{"tenant_id": "CONF000001"}"#.utf8)
        let etag = try await store.put("conformance/a/object.json", bytes, contentType: "application/json")
        guard case .found(let object) = try await store.get("conformance/a/object.json") else {
            throw Failure(description: "\(store.description): a written object must be found")
        }
        try expect(object.bytes == bytes, "the bytes read must equal the bytes written")
        if let etag {
            try expect(
                object.etag == etag,
                "get must return the entity tag put returned (\(etag) vs \(object.etag ?? "nil"))"
            )
        }
    }

    func conditionalReadAnswersNotModified() async throws {
        _ = try await store.put("conformance/b.json", Array("{}".utf8), contentType: "application/json")
        guard case .found(let object) = try await store.get("conformance/b.json"), let etag = object.etag else {
            return
        }
        let response = try await store.get("conformance/b.json", ifNoneMatch: etag)
        try expect(response == .notModified, "a read with the current entity tag must be .notModified, got \(response)")
    }

    func overwriteChangesTheEntityTag() async throws {
        _ = try await store.put("conformance/c.json", Array("{\"v\": 1}".utf8), contentType: "application/json")
        guard case .found(let first) = try await store.get("conformance/c.json"), let etag = first.etag else { return }
        _ = try await store.put("conformance/c.json", Array("{\"v\": 2}".utf8), contentType: "application/json")
        let response = try await store.get("conformance/c.json", ifNoneMatch: etag)
        guard case .found(let second) = response else {
            throw Failure(
                description:
                    "\(store.description): after an overwrite, a read with the old entity tag must return the new object, got \(response)"
            )
        }
        try expect(second.bytes == Array("{\"v\": 2}".utf8), "the overwrite must be read back")
    }

    func listReturnsSortedKeysUnderAPrefix() async throws {
        for name in ["z", "m", "a"] {
            _ = try await store.put("conformance/list/\(name).json", Array("{}".utf8), contentType: "application/json")
        }
        _ = try await store.put("conformance/listing-other.json", Array("{}".utf8), contentType: "application/json")
        let keys = try await store.list(prefix: "conformance/list/")
        try expect(
            keys == ["conformance/list/a.json", "conformance/list/m.json", "conformance/list/z.json"],
            "list must return the sorted keys under the prefix, got \(keys)"
        )
    }

    func conditionalWritesRefuseConflicts() async throws {
        let key = "conformance/conditional.json"
        let first = Array(#"{"v": 1}"#.utf8)
        _ = try await store.put(key, first, contentType: "application/json", condition: .ifAbsent)
        try await expectConflict("a write if absent over an existing object") {
            _ = try await store.put(key, Array("{}".utf8), contentType: "application/json", condition: .ifAbsent)
        }
        guard case .found(let object) = try await store.get(key), let etag = object.etag else { return }
        let second = Array(#"{"v": 2}"#.utf8)
        _ = try await store.put(key, second, contentType: "application/json", condition: .ifMatch(etag))
        try await expectConflict("a write if-match with a stale entity tag") {
            _ = try await store.put(key, first, contentType: "application/json", condition: .ifMatch(etag))
        }
        guard case .found(let after) = try await store.get(key) else {
            throw Failure(description: "\(store.description): the conditional write must be read back")
        }
        try expect(after.bytes == second, "a refused conditional write must leave the object unchanged")
    }

    private func expectConflict(_ what: String, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as TenantError where error.code == .conflict {
            return
        }
        throw Failure(description: "\(store.description): \(what) must fail with tenant.conflict")
    }
}
