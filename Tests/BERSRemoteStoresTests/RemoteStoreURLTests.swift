import BERS
import BERSRemoteStores
import Testing

struct RemoteStoreURLTests {
    @Test(arguments: [
        ("s3://myrecruiter-picasso", "myrecruiter-picasso", ""),
        ("s3://myrecruiter-picasso/", "myrecruiter-picasso", ""),
        ("s3://myrecruiter-picasso/staging", "myrecruiter-picasso", "staging/"),
        ("S3://bucket.with.dots/a/b/", "bucket.with.dots", "a/b/"),
    ])
    func s3URLsGiveBucketAndPrefix(text: String, bucket: String, prefix: String) throws {
        #expect(try RemoteStoreURL(parsing: text) == .s3(bucket: bucket, keyPrefix: prefix))
    }

    @Test func httpsURLsGiveAnEndpoint() throws {
        guard case .http(let endpoint) = try RemoteStoreURL(parsing: "https://cdn.example.com/picasso") else {
            Issue.record("not an HTTP store")
            return
        }
        #expect(endpoint.string == "https://cdn.example.com/picasso")
    }

    @Test(arguments: [
        ("s3://", "bucket name is empty"),
        ("s3:///prefix", "bucket name is empty"),
        ("s3://ab", "3 to 63 characters"),
        ("s3://My_Bucket", "only lower-case letters"),
        ("s3://-bucket", "start and end with a letter or digit"),
        ("s3://a..b", "'..'"),
        ("s3://192.168.1.1", "IP address"),
        ("s3://bucket/a/../b", "'..' segment"),
        ("s3://bucket/a/../\u{301}b", "'..' segment"),
        ("s3://bucket/a//b", "empty"),
        ("s3://bucket/a?versionId=1", "query strings"),
        ("file:///srv/tenants", "FileSystemTenantStore"),
        ("ftp://host/x", "use s3://bucket/prefix"),
        ("/srv/tenants", "use s3://bucket/prefix"),
        ("", "use s3://bucket/prefix"),
        ("http://cdn.example.com/x", "only allowed for loopback hosts"),
    ])
    func badURLsAreInvalidStores(text: String, reason: String) {
        let error = #expect(throws: TenantError.self) { try RemoteStoreURL(parsing: text) }
        #expect(error?.code == .invalidStore)
        #expect(error?.message.contains(reason) == true, "\(error?.message ?? "")")
    }
}
