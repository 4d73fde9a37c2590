import BERS
import BERSJSON
import Testing

struct ServeSettingsTests {
    @Test func defaultsWithoutASection() throws {
        let settings = try makeProject(["default.json": "{}"]).settings.serve
        #expect(settings.host == "127.0.0.1")
        #expect(settings.port == 8080)
        #expect(settings.allowedOrigins.isEmpty)
        #expect(settings.tokensFile == nil)
        #expect(settings.cacheControl == "no-cache")
        #expect(settings.limits == ServeSettings.RequestLimits())
        #expect(settings.legacy == LegacyRouteSettings())
    }

    @Test func everyKeyIsRead() throws {
        let project = try makeProject([
            "bers.json": """
            {"serve": {"host": "0.0.0.0", "port": 0, "allow-origins": ["https://a.example"], "tokens": "tokens.json",
              "cache-control": "max-age=60", "limits": {"url-bytes": 1024, "header-bytes": 2048, "body-bytes": 10},
              "legacy": {"defaults": "d.json", "decorations": {
                "x.urls.logo": {"endpoint": "assetUrl", "parameters": {"path": "logo.png"}},
                "a": {"endpoint": "configUrl"}}}}}
            """
        ])
        let settings = project.settings.serve
        #expect(settings.host == "0.0.0.0")
        #expect(settings.port == 0)
        #expect(settings.allowedOrigins == ["https://a.example"])
        #expect(settings.tokensFile == "tokens.json")
        #expect(settings.cacheControl == "max-age=60")
        #expect(settings.limits == ServeSettings.RequestLimits(urlBytes: 1024, headerBytes: 2048, bodyBytes: 10))
        #expect(settings.legacy.defaults == "d.json")
        #expect(
            settings.legacy.decorations == [
                .init(path: "a", endpoint: "configUrl"),
                .init(path: "x.urls.logo", endpoint: "assetUrl", parameters: ["path": "logo.png"]),
            ]
        )
    }

    @Test(arguments: [
        (#"{"serve": {"prot": 80}}"#, "/serve/prot"),
        (#"{"serve": {"port": 70000}}"#, "/serve/port"),
        (#"{"serve": {"limits": {"url-bytes": 1}}}"#, "/serve/limits/url-bytes"),
        (#"{"serve": {"legacy": {"decorations": {"a..b": {"endpoint": "x"}}}}}"#, "/serve/legacy/decorations/a..b"),
        (#"{"serve": {"legacy": {"decorations": {"a": {}}}}}"#, "/serve/legacy/decorations/a"),
        (
            #"{"serve": {"legacy": {"decorations": {"a": {"endpoint": "x", "parameters": {"p": 1}}}}}}"#,
            "/serve/legacy/decorations/a/parameters/p"
        ),
    ])
    func badValuesAreLocatedErrors(text: String, pointer: String) throws {
        let document = try JSONParser().parse(Array(text.utf8), file: "config/bers.json")
        let pointer = try JSONPointer(parsing: pointer)
        let expected = [document.location(of: pointer), document.keyLocation(of: pointer)].compactMap { $0 }
        #expect(!expected.isEmpty)
        #expect {
            try makeProject(["bers.json": text])
        } throws: { error in
            guard let error = error as? ConfigError, let location = error.location else { return false }
            return error.code == .invalidProjectFile && expected.contains(location)
        }
    }
}
