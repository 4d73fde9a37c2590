import BERS
import BERSJSON
import Testing

struct LegacyTenantDocumentTests {
    private static func endpoints() throws -> EndpointTable {
        let project = try makeProject([
            "default.json": #"""
            {"cdn": {"assetsUrl": "https://cdn.example"},
             "endpoints": {"tenantAssetUrl": "{cdn.assetsUrl}/tenants/{tenant}/{+path}", "assetUrl": "{cdn.assetsUrl}/{+path}"}}
            """#
        ])
        return try project.resolve(.production).endpoints()
    }

    @Test func defaultsFillOnlyWhatIsAbsentAndDecorationsAreComputed() throws {
        let hash = try TenantHash("my87674d777bf9")
        let document = try LegacyTenantDocument.render(
            json(##"{"tenant_id": "T1", "branding": {"primary_color": "#000000"}}"##),
            defaults: ["branding": ["primary_color": "#3b82f6"], "features": ["uploads": false]],
            decorations: [
                .init(path: "_cloudfront.urls.avatar", endpoint: "tenantAssetUrl", parameters: ["path": "avatar.png"]),
                .init(path: "_cloudfront.urls.logo", endpoint: "assetUrl", parameters: ["path": "logo.png"]),
            ],
            hash: hash,
            endpoints: Self.endpoints()
        )
        #expect(document["branding"] == ["primary_color": "#000000"])
        #expect(document["features"] == ["uploads": false])
        #expect(
            document[pointer: "/_cloudfront/urls/avatar"] == "https://cdn.example/tenants/my87674d777bf9/avatar.png"
        )
        #expect(document[pointer: "/_cloudfront/urls/logo"] == "https://cdn.example/logo.png")
        #expect(document["tenant_id"] == "T1")
    }

    @Test func anUnknownEndpointIsAnError() throws {
        #expect(throws: ConfigError.self) {
            try LegacyTenantDocument.render(
                json("{}"),
                defaults: nil,
                decorations: [.init(path: "a", endpoint: "nope")],
                hash: try TenantHash("my87674d777bf9"),
                endpoints: Self.endpoints()
            )
        }
    }

    @Test func aDecorationWhoseTemplateNamesASecretIsRedacted() throws {
        let project = try makeProject([
            "default.json": #"""
            {"cdn": {"assetsUrl": "https://cdn.example", "key": {"$secret": "env:CDN_KEY"}},
             "endpoints": {"signed": "{cdn.assetsUrl}/tenants/{tenant}/{+path}?sig={cdn.key}", "plain": "{cdn.assetsUrl}/{+path}"}}
            """#
        ])
        let configuration = try project.resolve(
            .production,
            options: ResolveOptions(environmentVariables: ["CDN_KEY": "canary-legacy-key"])
        )
        let document = try LegacyTenantDocument.render(
            json("{}"),
            defaults: nil,
            decorations: [
                .init(path: "_cloudfront.urls.avatar", endpoint: "signed", parameters: ["path": "avatar.png"]),
                .init(path: "_cloudfront.urls.logo", endpoint: "plain", parameters: ["path": "logo.png"]),
            ],
            hash: try TenantHash("my87674d777bf9"),
            endpoints: try configuration.endpoints()
        )
        #expect(document[pointer: "/_cloudfront/urls/avatar"] == "<redacted>")
        #expect(document[pointer: "/_cloudfront/urls/logo"] == "https://cdn.example/logo.png")
        #expect(!document.jsonText.contains("canary"))
    }
}
