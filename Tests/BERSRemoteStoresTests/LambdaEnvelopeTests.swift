import BERS
import BERSRemoteStores
import Testing

struct LambdaEnvelopeTests {
    @Test func unwrapsAStringBody() throws {
        let envelope = try LambdaEnvelope.unwrap(
            Array(
                #"{"statusCode": 200, "headers": {"ETag": "\"v1\"", "X-Count": 3}, "body": "{\"tenant_id\":\"MYR384719\"}"}"#
                    .utf8
            )
        )
        #expect(envelope?.statusCode == 200)
        #expect(envelope?.headers["etag"] == "\"v1\"")
        #expect(envelope?.headers["x-count"] == "3")
        #expect(envelope?.body == Array(#"{"tenant_id":"MYR384719"}"#.utf8))
    }

    @Test func unwrapsAnObjectBodyAsCompactJSON() throws {
        let envelope = try LambdaEnvelope.unwrap(
            Array(#"{"statusCode":200,"body":{"tenant_id": "AUS123957", "features": [1, 2]}}"#.utf8)
        )
        #expect(envelope?.body == Array(#"{"tenant_id":"AUS123957","features":[1,2]}"#.utf8))
    }

    @Test func decodesABase64Body() throws {
        let envelope = try LambdaEnvelope.unwrap(
            Array(#"{"statusCode":200,"isBase64Encoded":true,"body":"eyJhIjoxfQ=="}"#.utf8)
        )
        #expect(envelope?.body == Array(#"{"a":1}"#.utf8))
    }

    @Test func aNullBodyIsEmpty() throws {
        #expect(try LambdaEnvelope.unwrap(Array(#"{"statusCode":404,"body":null}"#.utf8))?.body == [])
    }

    @Test(arguments: [
        #"{"tenant_id": "MYR384719", "chat_title": "Chat"}"#, #"[1,2]"#, "not json", #"{"statusCode": 200}"#,
        #"  {"statusCode": 200 "#, "",
    ])
    func documentsThatAreNotEnvelopesAreLeftAlone(text: String) throws {
        #expect(try LambdaEnvelope.unwrap(Array(text.utf8)) == nil)
    }

    @Test(arguments: [
        (#"{"statusCode": "200", "body": "{}"}"#, "statusCode is not an HTTP status"),
        (#"{"statusCode": 42, "body": "{}"}"#, "statusCode is not an HTTP status"),
        (#"{"statusCode": 200, "body": 12}"#, "not a string or an object"),
        (#"{"statusCode": 200, "isBase64Encoded": true, "body": "***"}"#, "base64"),
    ])
    func malformedEnvelopesAreBadResponses(text: String, reason: String) {
        let error = #expect(throws: TenantError.self) { try LambdaEnvelope.unwrap(Array(text.utf8)) }
        #expect(error?.code == .storeBadResponse)
        #expect(error?.message.contains(reason) == true, "\(error?.message ?? "")")
    }
}
