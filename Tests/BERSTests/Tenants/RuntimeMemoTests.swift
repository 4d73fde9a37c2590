import BERSTestSupport
import Testing

@testable import BERS

/// The memo of composed tenant configurations: least recently used out, identity checked.
struct RuntimeMemoTests {
    static func key(_ tenant: String) -> RuntimeMemo.Key {
        RuntimeMemo.Key(environment: "production", includeLocal: true, tenant: tenant)
    }

    static let identity = RuntimeMemo.Identity(key: "k", etag: "\"e\"", version: nil, mappingETag: nil)

    @Test func keepsTheMostRecentlyUsedEntriesAndChecksTheDocumentsIdentity() async throws {
        let runtime = try TenantRuntime(
            project: try ConfigProject(directory: TenantRuntimeTests.config),
            store: FileSystemTenantStore(root: TenantRuntimeTests.tenants)
        )
        let served = try await runtime.resolve(environment: .production, tenant: try TenantHash("de113d6b3e07e5"))
        let memo = RuntimeMemo(capacity: 2)
        memo.store(served, Self.key("a"), identity: Self.identity)
        memo.store(served, Self.key("b"), identity: Self.identity)
        #expect(memo.configuration(Self.key("a"), identity: Self.identity) != nil)
        memo.store(served, Self.key("c"), identity: Self.identity)
        #expect(memo.configuration(Self.key("a"), identity: Self.identity) != nil)
        #expect(memo.configuration(Self.key("b"), identity: Self.identity) == nil)
        #expect(memo.configuration(Self.key("c"), identity: Self.identity) != nil)
        var edited = Self.identity
        edited.etag = "\"f\""
        #expect(memo.configuration(Self.key("c"), identity: edited) == nil)
        // Fields are compared one by one: no separator can make two identities collide.
        let joined = RuntimeMemo.Identity(key: "k", etag: "x|1", version: nil, mappingETag: nil)
        let split = RuntimeMemo.Identity(key: "k", etag: "x", version: "1|", mappingETag: nil)
        #expect(joined != split)
    }
}
