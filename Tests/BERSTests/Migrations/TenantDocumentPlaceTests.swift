import BERS
import BERSJSON
import Testing

/// Where a tenant document lives, how it is found from a hash, and how reading it fails.
@Suite struct TenantDocumentPlaceTests {
    @Test func aTenantsPlaceIsItsConfigurationKey() {
        let place = TenantDocumentPlace.tenant("MYR384719", in: ScriptedTenantStore())
        #expect(place.key == "tenants/MYR384719/MYR384719-config.json")
        #expect(place.backupStem == "tenants/MYR384719/MYR384719")
        #expect(place.description == "memory://test/tenants/MYR384719/MYR384719-config.json")
    }

    @Test func aFileStoresPlaceIsNamedByItsPath() {
        let place = TenantDocumentPlace.tenant("MYR384719", in: FileSystemTenantStore(root: "stores/../tenants"))
        #expect(place.description == "tenants/tenants/MYR384719/MYR384719-config.json")
    }

    @Test(
        arguments: [
            ("config/tenant.json", "config", "tenant.json", "tenant"), ("tenant.json", ".", "tenant.json", "tenant"),
            ("/srv/t/MYR384719-config.json", "/srv/t", "MYR384719-config.json", "MYR384719-config"),
            ("/tenant.json", "/", "tenant.json", "tenant"),
            // A tenant's configuration in a store's layout is backed up as the store does it.
            (
                "/srv/s/tenants/AUS123957/AUS123957-config.json", "/srv/s/tenants/AUS123957", "AUS123957-config.json",
                "AUS123957"
            ),
            ("/srv/s/tenants/AUS123957/config.json", "/srv/s/tenants/AUS123957", "config.json", "AUS123957"),
            // Not that layout: the file's own name.
            (
                "/srv/s/tenants/AUS123957/MYR384719-config.json", "/srv/s/tenants/AUS123957", "MYR384719-config.json",
                "MYR384719-config"
            ),
            ("/srv/s/AUS123957/AUS123957-config.json", "/srv/s/AUS123957", "AUS123957-config.json", "AUS123957-config"),
        ]
    )
    func aFilesPlaceIsItsDirectory(path: String, root: String, key: String, stem: String) throws {
        let place = TenantDocumentPlace.file(path)
        let store = try #require(place.store as? FileSystemTenantStore)
        #expect(store.root == root)
        #expect(place.key == key)
        #expect(place.backupStem == stem)
        #expect(place.description == path)
    }

    @Test func aHashLeadsToThePrimaryKey() async throws {
        let place = try await TenantDocumentPlace.locate(try TenantHash(myrHash), in: storeWithOneTenant())
        #expect(place.key == "tenants/MYR384719/MYR384719-config.json")
        #expect(place.backupStem == "tenants/MYR384719/MYR384719")
    }

    @Test func aHashLeadsToTheLegacyKeyWhereTheDocumentIsKept() async throws {
        let store = ScriptedTenantStore([
            "mappings/my87674d777bf9.json": #"{"tenant_id": "MYR384719"}"#,
            "tenants/MYR384719/config.json": #"{"tenant_id": "MYR384719"}"#,
        ])
        let place = try await TenantDocumentPlace.locate(try TenantHash(myrHash), in: store)
        #expect(place.key == "tenants/MYR384719/config.json")
        #expect(place.backupStem == "tenants/MYR384719/MYR384719")
    }

    @Test func readingGivesTheObjectAndItsLocatedParse() async throws {
        let place = TenantDocumentPlace.tenant("MYR384719", in: storeWithOneTenant())
        let (object, document) = try await place.read()
        #expect(object.etag == "\"\(BERSDigest.sha256Hex(object.bytes))\"")
        #expect(document.value["chat_title"] == "Atlanta Angels")
        #expect(document.location(of: "/chat_title")?.description == "\(place.description):1:75")
    }

    @Test(
        arguments: [
            (nil, TenantError.Code.notFound), ("{\"a\": ", .malformedDocument), ("[1, 2]", .malformedDocument),
            (String(repeating: " ", count: 64) + "{}", .tooLarge),
        ]
    )
    func readingFailsWithTypedErrors(text: String?, code: TenantError.Code) async throws {
        let store = ScriptedTenantStore()
        if let text { store.set("tenants/T1/T1-config.json", text) }
        let place = TenantDocumentPlace.tenant("T1", in: store)
        let error = try await #require(throws: TenantError.self) { try await place.read(maxBytes: 64) }
        #expect(error.code == code)
    }
}
