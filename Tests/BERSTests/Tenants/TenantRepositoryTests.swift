import BERS
import BERSJSON
import BERSTestSupport
import BERSTesting
import Foundation
import Testing

struct TenantRepositoryTests {
    @Test func followsTheMappingToTheConfiguration() async throws {
        let repository = TenantRepository(store: storeWithOneTenant())
        let tenant = try await repository.load(try TenantHash(myrHash))
        #expect(tenant.tenantID == "MYR384719")
        #expect(tenant.key == "tenants/MYR384719/MYR384719-config.json")
        #expect(tenant.value["chat_title"] == "Atlanta Angels")
        #expect(tenant.document.file == "memory://test/tenants/MYR384719/MYR384719-config.json")
        #expect(tenant.etag != nil)
    }

    @Test func fallsBackToTheLegacyKey() async throws {
        let store = ScriptedTenantStore([
            "mappings/my87674d777bf9.json": #"{"tenant_id": "MYR384719"}"#,
            "tenants/MYR384719/config.json": #"{"chat_title": "legacy"}"#,
        ])
        let tenant = try await TenantRepository(store: store).load(try TenantHash(myrHash))
        #expect(tenant.key == "tenants/MYR384719/config.json")
    }

    @Test func missingMappingOrConfigurationIsNotFound() async throws {
        let empty = TenantRepository(store: ScriptedTenantStore())
        let noMapping = await #expect(throws: TenantError.self) { try await empty.load(try TenantHash(myrHash)) }
        #expect(noMapping?.code == .notFound)
        let store = ScriptedTenantStore(["mappings/my87674d777bf9.json": #"{"tenant_id": "MYR384719"}"#])
        let noConfig = await #expect(throws: TenantError.self) {
            try await TenantRepository(store: store).load(try TenantHash(myrHash))
        }
        #expect(noConfig?.code == .notFound)
        #expect(noConfig?.message.contains("legacy tenants/MYR384719/config.json") == true)
    }

    @Test(arguments: [
        #"{"tenant_id": "../../etc"}"#, #"{"tenant_id": "a/b"}"#, #"{"tenant_id": ""}"#, #"{"tenant_id": 7}"#,
        #"{"id": "MYR384719"}"#, "not json", #"{"tenant_id": "%2e%2e"}"#,
    ])
    func mappingsThatPointOutsideTenantsAreRefused(_ mapping: String) async throws {
        let store = ScriptedTenantStore(["mappings/my87674d777bf9.json": mapping])
        let error = await #expect(throws: TenantError.self) {
            try await TenantRepository(store: store).load(try TenantHash(myrHash))
        }
        #expect(error?.code == .invalidMapping)
        #expect(store.gets == 1)
    }

    @Test func aDocumentNamingAnotherTenantIsNeverServed() async throws {
        let store = ScriptedTenantStore([
            "mappings/my87674d777bf9.json": #"{"tenant_id": "MYR384719"}"#,
            "tenants/MYR384719/MYR384719-config.json": #"{"tenant_id": "AUS123957", "tenant_hash": "auc5b0ecb0adcb"}"#,
        ])
        let error = await #expect(throws: TenantError.self) {
            try await TenantRepository(store: store).load(try TenantHash(myrHash))
        }
        #expect(error?.code == .invalidDocument)
        #expect(error?.message.contains("refusing to serve it") == true)
    }

    @Test(arguments: ["[1, 2]", "{\"a\": ", "\u{FF}"])
    func malformedDocumentsAreTypedErrors(_ text: String) async throws {
        let store = ScriptedTenantStore([
            "mappings/my87674d777bf9.json": #"{"tenant_id": "MYR384719"}"#,
            "tenants/MYR384719/MYR384719-config.json": text,
        ])
        let error = await #expect(throws: TenantError.self) {
            try await TenantRepository(store: store).load(try TenantHash(myrHash))
        }
        #expect(error?.code == .malformedDocument)
    }

    @Test func oversizedDocumentsAreRefused() async throws {
        let store = ScriptedTenantStore([
            "mappings/my87674d777bf9.json": #"{"tenant_id": "MYR384719"}"#,
            "tenants/MYR384719/MYR384719-config.json": "{\"pad\": \"" + String(repeating: "x", count: 2000) + "\"}",
        ])
        let error = await #expect(throws: TenantError.self) {
            try await TenantRepository(store: store, maxBytes: 1000).load(try TenantHash(myrHash))
        }
        #expect(error?.code == .tooLarge)
    }

    @Test func revalidationUsesEntityTags() async throws {
        let store = storeWithOneTenant()
        let repository = TenantRepository(store: store)
        let first = try await repository.load(try TenantHash(myrHash))
        let unchanged = try await repository.revalidate(first)
        #expect(unchanged == nil)
        #expect(store.conditionalGets == 2)
        store.set("tenants/MYR384719/MYR384719-config.json", #"{"tenant_id": "MYR384719", "chat_title": "changed"}"#)
        let changed = try #require(try await repository.revalidate(first))
        #expect(changed.value["chat_title"] == "changed")
    }

    @Test func listsHashesFromMappings() async throws {
        let store = storeWithOneTenant()
        store.set("mappings/auc5b0ecb0adcb.json", #"{"tenant_id": "AUS123957"}"#)
        store.set("mappings/NOT-A-HASH.json", "{}")
        let hashes = try await TenantRepository(store: store).listHashes()
        #expect(hashes.map(\.value) == ["auc5b0ecb0adcb", "my87674d777bf9"])
    }

    @Test(.enabled(if: SharedFixtures.isAvailable, SharedFixtures.skipReason))
    func readsTheRealFixturesFromAFileStore() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for (id, hash) in [("MYR384719", "my87674d777bf9"), ("AUS123957", "auc5b0ecb0adcb")] {
            let bytes = try #require(SharedFixtures.bytes("fixtures/picasso/tenants/\(id)-config.json"))
            try directory.write("tenants/\(id)/\(id)-config.json", String(decoding: bytes, as: UTF8.self))
            try directory.write("mappings/\(hash).json", "{\"tenant_id\": \"\(id)\"}")
        }
        let repository = TenantRepository(store: FileSystemTenantStore(root: directory.path))
        let myr = try await repository.load(try TenantHash("my87674d777bf9"))
        #expect(myr.value["version"] == "1.1")
        #expect(myr.value["tenant_hash"] == "my87674d777bf9")
        let aus = try await repository.load(try TenantHash("auc5b0ecb0adcb"))
        #expect(aus.value["subscription_tier"] == nil)
    }
}

struct FileSystemTenantStoreTests {
    @Test func passesTheStoreConformanceSuite() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try await TenantStoreConformance(store: FileSystemTenantStore(root: directory.path)).run()
    }

    @Test func inMemoryFileSystemStoreConformsToo() async throws {
        try await TenantStoreConformance(
            store: FileSystemTenantStore(root: "root", fileSystem: InMemoryFileSystem(["root/.keep": ""]))
        )
        .run()
    }

    /// The last four: fuzzing finding F3, a `/` followed by a combining mark hid a `..` from a
    /// split by characters (`"../\u{301}x"` named `/\u{301}x` beside the store's root).
    @Test(arguments: [
        "../x.json", "/etc/passwd", "a//b", "a/./b", "", "a\\b", "../\u{301}x", "../\u{301}../\u{301}x",
        "a/../\u{31C}b", "/\u{301}x",
    ])
    func refusesKeysThatAreNotPlainRelativePaths(_ key: String) async {
        let store = FileSystemTenantStore(root: "/tmp")
        let error = await #expect(throws: TenantError.self) { try await store.get(key) }
        #expect(error?.code == .invalidStore)
    }

    @Test func missingRootIsUnavailableForListing() async {
        let error = await #expect(throws: TenantError.self) {
            try await FileSystemTenantStore(root: "/nonexistent/tenants").list(prefix: "")
        }
        #expect(error?.code == .storeUnavailable)
    }
}
