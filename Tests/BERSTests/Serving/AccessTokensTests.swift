import BERS
import BERSJSON
import Testing

struct AccessTokensTests {
    private static func document(_ text: String) throws -> JSONDocument {
        try JSONParser().parse(Array(text.utf8), file: "tokens.json")
    }

    @Test func aTokenIsFoundByItsDigestAndCarriesItsScopes() throws {
        let digest = BERSDigest.sha256Hex(Array("s3cret".utf8))
        let tokens = try AccessTokens(
            document: Self.document(
                #"{"tokens": [{"name": "ci", "sha256": "\#(digest)", "scopes": ["config:read:staging", "metrics:read"]}]}"#
            )
        )
        let entry = try #require(tokens.entry(for: "s3cret"))
        #expect(entry.name == "ci")
        #expect(entry.allows(.configRead(environment: "staging")))
        #expect(!entry.allows(.configRead(environment: "production")))
        #expect(entry.allows(.metricsRead))
        #expect(!entry.allows(.admin))
        #expect(tokens.entry(for: "s3cret ") == nil)
        #expect(tokens.entry(for: "") == nil)
    }

    @Test(arguments: [
        (#"[]"#, "/"),
        (#"{"tokens": {}}"#, "/"),
        (#"{"tokens": [{"sha256": "00"}]}"#, "/tokens/0"),
        (#"{"tokens": [{"name": "a", "sha256": "abc"}]}"#, "/tokens/0/sha256"),
        (#"{"tokens": [{"name": "a", "sha256": "\#(String(repeating: "g", count: 64))"}]}"#, "/tokens/0/sha256"),
        (
            #"{"tokens": [{"name": "a", "sha256": "\#(String(repeating: "a", count: 64))", "scopes": ["root"]}]}"#,
            "/tokens/0/scopes/0"
        ),
        (
            #"{"tokens": [{"name": "a", "sha256": "\#(String(repeating: "a", count: 64))", "token": "x"}]}"#,
            "/tokens/0/token"
        ),
        (
            #"{"tokens": [{"name": "a", "sha256": "\#(String(repeating: "a", count: 64))"}, {"name": "a", "sha256": "\#(String(repeating: "b", count: 64))"}]}"#,
            "/tokens/1"
        ),
    ])
    func malformedFilesAreLocatedErrors(text: String, pointer: String) throws {
        let document = try Self.document(text)
        let pointer = try JSONPointer(parsing: pointer == "/" ? "" : pointer)
        let expected = [document.location(of: pointer), document.keyLocation(of: pointer)].compactMap { $0 }
        #expect {
            try AccessTokens(document: document)
        } throws: { error in
            guard let error = error as? ConfigError, let location = error.location else { return false }
            return error.code == .invalidTokensFile && expected.contains(location)
        }
    }

    @Test func anUnreadableOrNonJSONFileIsAnError() {
        let files = InMemoryFileSystem(["tokens.json": "{"])
        #expect(throws: ConfigError.self) { try AccessTokens(file: "missing.json", fileSystem: files) }
        #expect {
            try AccessTokens(file: "tokens.json", fileSystem: files)
        } throws: { error in
            (error as? ConfigError)?.code == .invalidTokensFile && (error as? ConfigError)?.location != nil
        }
    }

    @Test func aNewTokenIsAcceptedByTheEntryPrintedForIt() throws {
        let (token, entry) = AccessTokens.newToken(name: "ops", scopes: [.admin])
        #expect(token.utf8.count == 64)
        #expect(!JSONSerializer().string(entry).contains(token))
        let tokens = try AccessTokens(document: JSONDocument(value: ["tokens": [entry]], file: "tokens.json"))
        #expect(tokens.entry(for: token)?.name == "ops")
        #expect(AccessTokens.newToken(name: "ops", scopes: [.admin]).token != token)
    }

    @Test func scopesParseAndCover() {
        #expect(AccessScope("config:read:*") == .configRead(environment: nil))
        #expect(AccessScope("tenant:read:abc") == .tenantRead(hash: "abc"))
        #expect(AccessScope("config:read:") == nil)
        #expect(AccessScope("config:write:x") == nil)
        #expect(AccessScope.configRead(environment: nil).covers(.configRead(environment: "staging")))
        #expect(!AccessScope.tenantRead(hash: "a").covers(.tenantRead(hash: "b")))
        #expect(AccessScope.admin.covers(.secretsRead))
        #expect(!AccessScope.metricsRead.covers(.admin))
        for text in ["config:read:*", "tenant:read:x", "secrets:read", "metrics:read", "admin"] {
            #expect(AccessScope(text)?.description == text)
        }
    }
}
