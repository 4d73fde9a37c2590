import Testing

@testable import BERSRemoteStores

struct S3ListObjectsPageTests {
    @Test func readsURLEncodedKeysAndTheContinuationToken() {
        let body = Array(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name><Prefix>tenants%2F</Prefix>\
            <KeyCount>2</KeyCount><MaxKeys>2</MaxKeys><EncodingType>url</EncodingType><IsTruncated>true</IsTruncated>\
            <Contents><Key>tenants/A/A-config.json</Key><ETag>&quot;abc&quot;</ETag><Size>3</Size></Contents>\
            <Contents><Key>tenants/a+b%2Bc.json</Key><Size>3</Size></Contents>\
            <NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</NextContinuationToken></ListBucketResult>
            """
            .utf8
        )
        let page = S3ListObjectsPage(body: body, urlEncodedKeys: true)
        #expect(page?.keys == ["tenants/A/A-config.json", "tenants/a b+c.json"])
        #expect(page?.isTruncated == true)
        #expect(page?.nextContinuationToken == "1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=")
    }

    @Test func anEmptyLastPageHasNoKeys() {
        let page = S3ListObjectsPage(
            body: Array(
                "<ListBucketResult><KeyCount>0</KeyCount><IsTruncated>false</IsTruncated></ListBucketResult>".utf8
            ),
            urlEncodedKeys: true
        )
        #expect(page?.keys == [])
        #expect(page?.isTruncated == false)
    }

    @Test(arguments: [
        "garbage", "<Error><Code>InternalError</Code></Error>",
        "<ListBucketResult><IsTruncated>maybe</IsTruncated></ListBucketResult>",
        "<ListBucketResult><Contents><Size>1</Size></Contents></ListBucketResult>",
        "<ListBucketResult><Contents><Key>%zz</Key></Contents></ListBucketResult>",
    ])
    func malformedPagesAreRejected(text: String) {
        #expect(S3ListObjectsPage(body: Array(text.utf8), urlEncodedKeys: true) == nil)
    }
}
