import Testing

@testable import BERSRemoteStores

struct S3ErrorResponseTests {
    @Test func readsCodeMessageRequestIdAndRegion() {
        let body = Array(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <Error><Code>AuthorizationHeaderMalformed</Code><Message>The region &apos;us-east-1&apos; is wrong &amp; stuff</Message>\
            <Region>eu-west-1</Region><RequestId>4442587FB7D0A2F9</RequestId></Error>
            """
            .utf8
        )
        let error = S3ErrorResponse(body: body)
        #expect(error?.code == "AuthorizationHeaderMalformed")
        #expect(error?.message == "The region 'us-east-1' is wrong & stuff")
        #expect(error?.region == "eu-west-1")
        #expect(error?.requestID == "4442587FB7D0A2F9")
        #expect(error?.summary == "AuthorizationHeaderMalformed: The region 'us-east-1' is wrong & stuff")
    }

    @Test(arguments: [
        "", "not xml", "<html><body>503</body></html>", "<Error><Message>x</Message></Error>",
        "<Error><Code></Code></Error>",
    ])
    func bodiesWithoutAnErrorCodeGiveNothing(text: String) {
        #expect(S3ErrorResponse(body: Array(text.utf8)) == nil)
    }
}
