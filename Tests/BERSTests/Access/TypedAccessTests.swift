import BERS
import BERSJSON
import Testing

struct TypedAccessTests {
    static func config() throws -> ResolvedConfiguration {
        try makeProject([
            "default.json": """
            {
              "api": {"baseUrl": "https://chat.example.com", "timeout": 1000, "ratio": 0.5, "on": true,
                      "hosts": ["a", "b"], "mixed": ["a", 1]},
              "dotted.key": {"inner": 1},
              "big": 9007199254740993
            }
            """,
            "production.json": "{\n  \"api\": {\n    \"timeout\": \"slow\"\n  }\n}",
        ])
        .resolve(.production)
    }

    @Test func readsByDottedPathAndPointer() throws {
        let config = try Self.config()
        #expect(try config.string("api.baseUrl") == "https://chat.example.com")
        #expect(try config.string("/api/baseUrl") == "https://chat.example.com")
        #expect(try config.double("api.ratio") == 0.5)
        #expect(try config.bool("api.on"))
        #expect(try config.strings("api.hosts") == ["a", "b"])
        #expect(try config.string("api.hosts.1") == "b")
        #expect(try config.object("api").keys.count == 6)
        #expect(try config.int("big") == 9_007_199_254_740_993)
        #expect(config.value(at: "") == config.value)
    }

    @Test func keysWithDotsAreReachableByPointerOrEscapedPath() throws {
        let config = try Self.config()
        #expect(config.value(at: "/dotted.key/inner") == 1)
        #expect(config.value(at: #"dotted\.key.inner"#) == 1)
        #expect(config.value(at: "dotted.key.inner") == nil)
    }

    @Test func typeMismatchNamesThePathTheValueAndItsSource() throws {
        let config = try Self.config()
        let error = #expect(throws: ConfigError.self) { try config.int("api.timeout") }
        #expect(error?.code == .typeMismatch)
        #expect(
            error?.message
                == "api.timeout: expected an integer, found string \"slow\" (set by config/production.json:3:16)"
        )
        #expect(error?.location?.description == "config/production.json:3:16")
    }

    @Test func missingValueSuggestsTheClosestPath() throws {
        let error = #expect(throws: ConfigError.self) { try Self.config().string("api.baseURL") }
        #expect(error?.code == .missingValue)
        #expect(error?.message == "no value at api.baseURL; did you mean api.baseUrl?")
    }

    @Test func stringsRejectsNonStringElements() {
        let error = #expect(throws: ConfigError.self) { try Self.config().strings("api.mixed") }
        #expect(error?.code == .typeMismatch)
        #expect(error?.message.hasPrefix("api.mixed.1: expected a string, found integer 1") == true)
    }

    struct API: Decodable, Equatable {
        var baseUrl: String
        var ratio: Double
        var hosts: [String]
        var on: Bool
    }

    struct StrictAPI: Decodable {
        var timeout: Int
    }

    @Test func decodesASubtree() throws {
        let api = try Self.config().decode(API.self, at: "api")
        #expect(api == API(baseUrl: "https://chat.example.com", ratio: 0.5, hosts: ["a", "b"], on: true))
    }

    @Test func decodingFailureNamesThePathAndProvenance() {
        let error = #expect(throws: ConfigError.self) { try Self.config().decode(StrictAPI.self, at: "api") }
        #expect(error?.code == .decodingFailed)
        #expect(error?.message.contains("api.timeout: expected an integer, found string \"slow\"") == true)
        #expect(error?.message.hasSuffix("(set by config/production.json:3:16)") == true)
        #expect(error?.location?.line == 3)
    }

    @Test func decodingAMissingKeyNamesIt() {
        struct Needs: Decodable { var missing: String }
        let error = #expect(throws: ConfigError.self) { try Self.config().decode(Needs.self, at: "api") }
        #expect(error?.message.contains("api.missing: required key is missing") == true)
    }

    @Test func secureURLRequiresHTTPSAndAllowedHosts() throws {
        let config = try Self.config()
        #expect(try config.secureURL("api.baseUrl").host == "chat.example.com")
        #expect(try config.secureURL("api.baseUrl", allowedHosts: ["*.example.com"]).text == "https://chat.example.com")
        let error = #expect(throws: ConfigError.self) {
            try config.secureURL("api.baseUrl", allowedHosts: ["other.com"])
        }
        #expect(error?.code == .invalidURL)
        #expect(error?.message.contains("not in the allowed list") == true)
    }
}

struct SecureURLTests {
    @Test(arguments: ["https://a.example", "https://a.example:8443/p?q#f", "https://[::1]/x", "HTTPS://A.EXAMPLE"])
    func acceptsHTTPSURLs(_ text: String) throws {
        #expect(try SecureURL(text).text == text)
    }

    @Test(arguments: [
        "http://a.example", "ftp://a.example", "https://", "https://user@a.example", "https://a.example:99999",
        "https://a .example", "https://a..example", "javascript:alert(1)",
    ])
    func rejectsOthers(_ text: String) {
        let error = #expect(throws: ConfigError.self) { try SecureURL(text) }
        #expect(error?.code == .invalidURL)
    }

    @Test func allowListMatchesWholeLabels() throws {
        #expect(throws: ConfigError.self) {
            try SecureURL("https://chat.example.com.evil.net", allowedHosts: ["*.example.com"])
        }
        #expect(throws: ConfigError.self) { try SecureURL("https://example.com", allowedHosts: ["*.example.com"]) }
        #expect(try SecureURL("https://EXAMPLE.com", allowedHosts: ["example.com"]).host == "example.com")
    }
}
