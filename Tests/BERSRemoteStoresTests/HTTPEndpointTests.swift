import BERS
import BERSRemoteStores
import Testing

struct HTTPEndpointTests {
    @Test func parsesHostPortAndPath() throws {
        let endpoint = try HTTPEndpoint(parsing: "https://CDN.Example.com:8443/picasso/v1/")
        #expect(endpoint.scheme == "https")
        #expect(endpoint.host == "cdn.example.com")
        #expect(endpoint.port == 8443)
        #expect(endpoint.path == "/picasso/v1")
        #expect(endpoint.authority == "cdn.example.com:8443")
        #expect(
            endpoint.url(forEncodedPath: "mappings/x.json") == "https://cdn.example.com:8443/picasso/v1/mappings/x.json"
        )
    }

    @Test(arguments: ["http://localhost:8080", "http://127.0.0.1", "http://127.1.2.3:9/x", "http://[::1]:5000"])
    func plainHTTPIsAllowedForLoopbackHosts(text: String) throws {
        #expect(try HTTPEndpoint(parsing: text).isLoopback)
    }

    @Test func plainHTTPToARemoteHostIsAllowedOnlyWhenAsked() throws {
        let error = #expect(throws: TenantError.self) { try HTTPEndpoint(parsing: "http://minio.internal:9000") }
        #expect(error?.code == .invalidStore)
        #expect(error?.message.contains("only allowed for loopback hosts") == true)
        #expect(try HTTPEndpoint(parsing: "http://minio.internal:9000", allowsInsecureRemoteHosts: true).port == 9000)
    }

    @Test(arguments: [
        ("cdn.example.com", "no scheme"),
        ("ftp://cdn.example.com", "scheme must be http or https"),
        ("https://", "host is empty"),
        ("https://user:pw@cdn.example.com", "user names and passwords"),
        ("https://cdn.example.com:0", "port"),
        ("https://cdn.example.com:99999", "port"),
        ("https://cdn.example.com:abc", "port"),
        ("https://cdn.example.com/a?b=c", "query strings"),
        ("https://cdn.example.com/a#b", "fragments"),
        ("https://cdn.example.com/a/../b", "'..' segment"),
        ("https://cdn.example.com//a", "empty"),
        ("https://cdn example.com", "not a valid host name"),
        ("https://cdn.example.com/a b", "percent-encoded"),
        ("https://[::1", "no ']'"),
        ("https://[zz]", "IPv6 address is malformed"),
    ])
    func malformedURLsAreRejectedWithAReason(text: String, reason: String) {
        let error = #expect(throws: TenantError.self) { try HTTPEndpoint(parsing: text) }
        #expect(error?.code == .invalidStore)
        #expect(error?.message.contains(reason) == true, "\(error?.message ?? "")")
    }
}
