import BERS
import Testing

@testable import BERSRemoteStores

struct S3ConfigurationTests {
    @Test func defaultsToUSEast1VirtualHostedAndUnsignedWithoutVariables() throws {
        let configuration = try S3Configuration(bucket: "myrecruiter-picasso", environment: [:])
        #expect(configuration.region == "us-east-1")
        #expect(configuration.endpoint == nil)
        #expect(configuration.credentials == nil)
        #expect(configuration.effectiveAddressingStyle == .virtualHosted)
        #expect(configuration.limits == RemoteStoreLimits(timeout: .seconds(4), maxObjectSize: 1_048_576))
        let address = configuration.address(forFullKey: "mappings/my87674d777bf9.json")
        #expect(address.url == "https://myrecruiter-picasso.s3.us-east-1.amazonaws.com/mappings/my87674d777bf9.json")
        #expect(address.host == "myrecruiter-picasso.s3.us-east-1.amazonaws.com")
        #expect(address.encodedPath == "/mappings/my87674d777bf9.json")
    }

    @Test func readsRegionCredentialsAndEndpointFromTheEnvironment() throws {
        let configuration = try S3Configuration(
            bucket: "picasso",
            keyPrefix: "staging",
            environment: [
                "AWS_REGION": "eu-west-1", "AWS_DEFAULT_REGION": "us-west-2",
                "AWS_ENDPOINT_URL_S3": "http://127.0.0.1:5000", "AWS_ENDPOINT_URL": "http://127.0.0.1:6000",
                "AWS_ACCESS_KEY_ID": "AKIA1", "AWS_SECRET_ACCESS_KEY": "s", "AWS_SESSION_TOKEN": "t",
            ]
        )
        #expect(configuration.region == "eu-west-1")
        #expect(configuration.endpoint?.port == 5000)
        #expect(configuration.credentials?.sessionToken == "t")
        #expect(configuration.keyPrefix == "staging/")
        #expect(configuration.effectiveAddressingStyle == .path)
        #expect(configuration.storeDescription == "s3://picasso/staging")
        let address = configuration.address(forFullKey: "staging/a b.json")
        #expect(address.url == "http://127.0.0.1:5000/picasso/staging/a%20b.json")
        #expect(address.host == "127.0.0.1:5000")
        #expect(configuration.address(forFullKey: nil).encodedPath == "/picasso")
    }

    @Test func fallsBackToDefaultRegionAndGenericEndpoint() throws {
        let configuration = try S3Configuration(
            bucket: "picasso",
            environment: ["AWS_DEFAULT_REGION": "us-west-2", "AWS_ENDPOINT_URL": "http://localhost:4566"]
        )
        #expect(configuration.region == "us-west-2")
        #expect(configuration.endpoint?.string == "http://localhost:4566")
    }

    @Test func explicitEndpointWinsOverTheVariables() throws {
        let configuration = try S3Configuration(
            bucket: "picasso",
            endpoint: "https://s3.internal.example:9000",
            environment: ["AWS_ENDPOINT_URL_S3": "http://127.0.0.1:5000"]
        )
        #expect(configuration.endpoint?.string == "https://s3.internal.example:9000")
    }

    @Test func virtualHostedAddressingWithAnEndpointPutsTheBucketInTheHost() throws {
        var configuration = S3Configuration(
            bucket: "picasso",
            endpoint: try HTTPEndpoint(parsing: "http://localhost:5000/base"),
            addressingStyle: .virtualHosted
        )
        #expect(configuration.address(forFullKey: "k").url == "http://picasso.localhost:5000/base/k")
        #expect(configuration.address(forFullKey: nil).encodedPath == "/base/")
        configuration.endpoint = nil
        configuration.addressingStyle = .path
        #expect(configuration.address(forFullKey: "k").url == "https://s3.us-east-1.amazonaws.com/picasso/k")
    }

    @Test func bucketsWithDotsDefaultToPathStyle() {
        #expect(S3Configuration(bucket: "picasso.staging").effectiveAddressingStyle == .path)
    }

    @Test(arguments: [
        ("bucket", "AWS_REGION", "EU West 1", "is not a region name"),
        ("Bad_Bucket", "AWS_REGION", "us-east-1", "only lower-case letters"),
        ("bucket", "AWS_ENDPOINT_URL", "ftp://x", "scheme must be http or https"),
        ("bucket", "AWS_ENDPOINT_URL_S3", "http://h:70000", "port"),
    ])
    func badSettingsAreInvalidStores(bucket: String, variable: String, value: String, reason: String) {
        let error = #expect(throws: TenantError.self) {
            try S3Configuration(bucket: bucket, environment: [variable: value])
        }
        #expect(error?.code == .invalidStore)
        #expect(error?.message.contains(reason) == true, "\(error?.message ?? "")")
    }

    @Test func badLimitsPageSizesAndDottedVirtualHostsAreRejected() {
        var configuration = S3Configuration(bucket: "picasso", limits: RemoteStoreLimits(maxObjectSize: 0))
        #expect(throws: TenantError.self) { try configuration.validate() }
        configuration.limits = .default
        configuration.listPageSize = 0
        #expect(throws: TenantError.self) { try configuration.validate() }
        configuration.listPageSize = 1001
        #expect(throws: TenantError.self) { try configuration.validate() }
        configuration.listPageSize = 1000
        #expect(throws: Never.self) { try configuration.validate() }
        let dotted = S3Configuration(bucket: "a.b.c", addressingStyle: .virtualHosted)
        let error = #expect(throws: TenantError.self) { try dotted.validate() }
        #expect(error?.message.contains("path-style") == true)
    }

    @Test func keyPrefixesAreNormalised() {
        #expect(S3Configuration(bucket: "b", keyPrefix: "/a/b").keyPrefix == "a/b/")
        #expect(S3Configuration(bucket: "b", keyPrefix: "a/").keyPrefix == "a/")
        #expect(S3Configuration(bucket: "b", keyPrefix: "///").keyPrefix == "")
    }
}
