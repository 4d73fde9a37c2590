@testable import BERSArtifacts
import Testing

/// Keys become Swift identifiers deterministically; JavaScript names are checked.
struct IdentifierTests {
    @Test(arguments: [
        ("timeout", "timeout", false),
        ("Content-Type", "Content_Type", false),
        ("X--Env  Name", "X_Env_Name", false),
        ("2fa", "_2fa", false),
        ("café", "caf_", false),
        ("", "__", false),
        ("default", "default", true),
        ("class", "class", true),
        ("Type", "Type_", false),
        ("Protocol", "Protocol_", false),
        ("self", "self_", false),
        ("init", "init_", false),
        ("Swift", "Swift_", false),
        ("Config", "Config_", false),
    ])
    func keysBecomeIdentifiers(key: String, name: String, backticked: Bool) {
        var scope = SwiftScope(reserved: ["Config"])
        let identifier = scope.identifier(for: key)
        #expect(identifier.name == name)
        #expect(identifier.isKeyword == backticked)
        #expect(identifier.code == (backticked ? "`\(name)`" : name))
    }

    @Test func collisionsGetNumberedSuffixesInKeyOrder() {
        var scope = SwiftScope(reserved: [])
        #expect(
            ["a-b", "a_b", "a.b", "a_b_2"].map { scope.identifier(for: $0).name } == [
                "a_b", "a_b_2", "a_b_3", "a_b_2_2",
            ]
        )
    }

    @Test func rootScopeReservesGeneratedNames() {
        var scope = SwiftScope(reserved: ["Environment", "environment", "URLError"])
        #expect(scope.identifier(for: "environment").name == "environment_")
        #expect(scope.identifier(for: "URLError").name == "URLError_")
    }

    @Test(arguments: [
        ("config", true), ("$root", true), ("_x1", true), ("getConfigUrl", true),
        ("1x", false), ("a-b", false), ("class", false), ("default", false), ("", false), ("é", false),
    ])
    func javaScriptIdentifiersAreChecked(name: String, valid: Bool) {
        #expect(JSIdentifier.isValid(name) == valid)
    }

    @Test(arguments: [
        ("__ENVIRONMENT__", true), ("process.env.NODE_ENV", true), ("import.meta.env.MODE", true),
        ("import.meta", false), ("a..b", false), ("a-b", false), ("class.x", false), ("", false),
    ])
    func esbuildDefineNamesAreChecked(name: String, valid: Bool) {
        #expect(JSIdentifier.isDefineName(name) == valid)
    }

    @Test func objectKeysThatAreNotIdentifiersAreQuoted() {
        #expect(JSIdentifier.propertyKey("Accept") == "Accept")
        #expect(JSIdentifier.propertyKey("default") == "default")
        #expect(JSIdentifier.propertyKey("Content-Type") == "\"Content-Type\"")
        #expect(JSIdentifier.propertyKey("é") == "\"\\u00e9\"")
    }

    @Test(arguments: [
        (["api", "baseUrl"], "API__BASE_URL"),
        (["security", "enforceHTTPS"], "SECURITY__ENFORCE_HTTPS"),
        (["api", "headers", "Content-Type"], "API__HEADERS__CONTENT_TYPE"),
        (["2fa"], "_2FA"),
        (["rate limit", "perMinute2"], "RATE_LIMIT__PER_MINUTE2"),
    ])
    func dotenvNamesFollowThePath(tokens: [String], name: String) {
        #expect(DotenvName.automatic(for: tokens, prefix: "") == name)
    }
}
