import Testing

@testable import BERSRemoteStores

/// The signer against the examples published in the Amazon S3 API reference ("Signature
/// calculations for the Authorization header", examples with `AKIAIOSFODNN7EXAMPLE`), so its
/// correctness does not depend on any server.
struct SigV4SignerTests {
    static let credentials = AWSCredentials(
        accessKeyID: "AKIAIOSFODNN7EXAMPLE",
        secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    )
    static let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "s3")
    static let time = SigV4Timestamp(secondsSince1970: 1_369_353_600)  // 2013-05-24T00:00:00Z
    static let host = ("host", "examplebucket.s3.amazonaws.com")

    private func authorization(_ headers: [(name: String, value: String)]) -> String? {
        headers.first { $0.name == "authorization" }?.value
    }

    @Test func getObjectExampleMatchesPublishedCanonicalRequestAndSignature() {
        let request = SigV4Request(
            method: "GET",
            encodedPath: "/test.txt",
            headers: [Self.host, ("Range", "bytes=0-9")]
        )
        var withAmz = request
        withAmz.headers += [
            ("x-amz-content-sha256", SigV4Request.emptyPayloadSHA256), ("x-amz-date", "20130524T000000Z"),
        ]
        let canonical = Self.signer.canonicalRequest(withAmz)
        #expect(
            canonical.text == """
                GET
                /test.txt

                host:examplebucket.s3.amazonaws.com
                range:bytes=0-9
                x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                x-amz-date:20130524T000000Z

                host;range;x-amz-content-sha256;x-amz-date
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                """
        )
        #expect(
            Self.signer.stringToSign(canonicalRequest: canonical.text, at: Self.time) == """
                AWS4-HMAC-SHA256
                20130524T000000Z
                20130524/us-east-1/s3/aws4_request
                7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972
                """
        )
        #expect(
            authorization(Self.signer.sign(request, at: Self.time))
                == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
                + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"
        )
    }

    @Test func putObjectExampleEncodesTheKeyAndSignsThePayloadHash() {
        let payload = Array("Welcome to Amazon S3.".utf8)
        let payloadHash = SigV4Signer.sha256Hex(payload)
        #expect(payloadHash == "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072")
        let request = SigV4Request(
            method: "PUT",
            encodedPath: SigV4Request.encodePath("/test$file.text"),
            headers: [
                ("Date", "Fri, 24 May 2013 00:00:00 GMT"), Self.host, ("x-amz-storage-class", "REDUCED_REDUNDANCY"),
            ],
            payloadSHA256: payloadHash
        )
        #expect(request.encodedPath == "/test%24file.text")
        let headers = Self.signer.sign(request, at: Self.time)
        #expect(
            authorization(headers)
                == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
                + "SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,"
                + "Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd"
        )
        #expect(headers.contains { $0.name == "x-amz-content-sha256" && $0.value == payloadHash })
        #expect(headers.contains { $0.name == "x-amz-date" && $0.value == "20130524T000000Z" })
    }

    @Test func getBucketLifecycleExampleSignsAValuelessQueryParameter() {
        let request = SigV4Request(
            method: "GET",
            encodedPath: "/",
            query: [("lifecycle", "")],
            headers: [Self.host]
        )
        var withAmz = request
        withAmz.headers += [
            ("x-amz-content-sha256", SigV4Request.emptyPayloadSHA256), ("x-amz-date", "20130524T000000Z"),
        ]
        #expect(
            Self.signer.canonicalRequest(withAmz).text.split(separator: "\n", omittingEmptySubsequences: false)[2]
                == "lifecycle="
        )
        #expect(
            authorization(Self.signer.sign(request, at: Self.time))?
                .hasSuffix(
                    "Signature=fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543"
                ) == true
        )
    }

    @Test func listObjectsExampleSortsQueryParameters() {
        let request = SigV4Request(
            method: "GET",
            encodedPath: "/",
            query: [("prefix", "J"), ("max-keys", "2")],
            headers: [Self.host]
        )
        var withAmz = request
        withAmz.headers += [
            ("x-amz-content-sha256", SigV4Request.emptyPayloadSHA256), ("x-amz-date", "20130524T000000Z"),
        ]
        let canonical = Self.signer.canonicalRequest(withAmz).text
        #expect(canonical.split(separator: "\n", omittingEmptySubsequences: false)[2] == "max-keys=2&prefix=J")
        #expect(
            Self.signer.stringToSign(canonicalRequest: canonical, at: Self.time)
                .hasSuffix(
                    "df57d21db20da04d7fa30298dd4488ba3a2b47ca3a489c74750e0f1e7df1b9b7"
                )
        )
        #expect(
            authorization(Self.signer.sign(request, at: Self.time))?
                .hasSuffix(
                    "Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7"
                ) == true
        )
    }

    @Test func sessionTokenIsSentAndSigned() {
        var credentials = Self.credentials
        credentials.sessionToken = "FQoGZXIvYXdzE-token/+="
        let signer = SigV4Signer(credentials: credentials, region: "us-east-1")
        let headers = signer.sign(SigV4Request(method: "GET", encodedPath: "/k", headers: [Self.host]), at: Self.time)
        #expect(headers.contains { $0.name == "x-amz-security-token" && $0.value == "FQoGZXIvYXdzE-token/+=" })
        #expect(
            authorization(headers)?.contains("SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token,")
                == true
        )
        let withoutToken = Self.signer.sign(
            SigV4Request(method: "GET", encodedPath: "/k", headers: [Self.host]),
            at: Self.time
        )
        #expect(!withoutToken.contains { $0.name == "x-amz-security-token" })
        #expect(authorization(headers) != authorization(withoutToken))
    }

    @Test func headerValuesAreTrimmedAndRepeatedNamesJoined() {
        let request = SigV4Request(
            method: "GET",
            encodedPath: "/",
            headers: [Self.host, ("X-Custom", "  a   b  "), ("x-custom", "c")]
        )
        let canonical = Self.signer.canonicalRequest(request)
        #expect(canonical.text.contains("\nx-custom:a b,c\n"))
        #expect(canonical.signedHeaders == "host;x-custom")
    }

    @Test func queryNamesAndValuesAreEncodedWithSlashes() {
        let request = SigV4Request(
            method: "GET",
            encodedPath: "/",
            query: [("prefix", "tenants/A B"), ("continuation-token", "1+2=")],
            headers: [Self.host]
        )
        #expect(request.encodedQuery == "prefix=tenants%2FA%20B&continuation-token=1%2B2%3D")
        let line =
            Self.signer.canonicalRequest(request).text.split(separator: "\n", omittingEmptySubsequences: false)[2]
        #expect(line == "continuation-token=1%2B2%3D&prefix=tenants%2FA%20B")
    }

    @Test func signingKeyChainsTheScope() {
        // The derivation example of the AWS General Reference (IAM, 2015-08-30).
        let signer = SigV4Signer(
            credentials: AWSCredentials(
                accessKeyID: "AKIDEXAMPLE",
                secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
            ),
            region: "us-east-1",
            service: "iam"
        )
        let key = signer.signingKey(at: SigV4Timestamp(secondsSince1970: 1_440_938_160))
        let bytes = key.withUnsafeBytes { Array($0) }
        #expect(Hex.lowercase(bytes) == "c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9")
    }
}
