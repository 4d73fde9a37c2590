@testable import BERSServer
import NIOCore
import Testing

/// The byte-level recognizer of the fast path: stricter than the HTTP parser behind it, so the
/// two never delimit requests differently.
struct RequestScannerTests {
    private let scanner = RequestScanner()

    private func scan(_ text: String) -> ScannedRequest {
        scanner.scan(ByteBuffer(string: text))
    }

    @Test func aPlainGetIsAnswerable() {
        let request = "GET /v1/config/staging HTTP/1.1\r\nHost: x\r\nUser-Agent: wrk\r\n\r\n"
        let expected = ScannedRequest.get(
            target: "/v1/config/staging",
            ifNoneMatch: nil,
            origin: nil,
            length: request.utf8.count
        )
        #expect(scan(request) == expected)
        #expect(scan(request + request) == expected)
    }

    @Test func ifNoneMatchAndOriginAreLocated() {
        let request = "GET /a HTTP/1.1\r\nIF-NONE-MATCH:  \"abc\"\r\nOrigin: https://x.example\r\n\r\n"
        guard case .get(_, let condition?, let origin?, _) = scan(request) else {
            Issue.record("not a GET with If-None-Match and Origin")
            return
        }
        let bytes = Array(request.utf8)
        #expect(String(decoding: bytes[condition], as: UTF8.self) == "\"abc\"")
        #expect(String(decoding: bytes[origin], as: UTF8.self) == "https://x.example")
    }

    @Test func wholeRequestsWithoutABodyGoToTheFullServer() {
        for request in [
            "HEAD /a HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /a HTTP/1.1\r\nConnection: close\r\n\r\n",
            "POST /v1/reload HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
            "OPTIONS /a HTTP/1.1\r\n\r\n",
        ] {
            #expect(scan(request) == .delimited(length: request.utf8.count), "\(request)")
        }
    }

    @Test(arguments: [
        "POST /a HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello",
        "GET /a HTTP/1.1\r\nContent-Length: 0\r\nContent-Length: 0\r\n\r\n",
        "POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n",
        "GET /a HTTP/1.1\r\nUpgrade: websocket\r\n\r\n",
        "GET /a HTTP/1.1\r\nExpect: 100-continue\r\n\r\n",
        "GET /a HTTP/1.0\r\n\r\n",
        "GET http://x/a HTTP/1.1\r\n\r\n",
        "GET /a b HTTP/1.1\r\n\r\n",
        "GET  /a HTTP/1.1\r\n\r\n",
        "get /a HTTP/1.1\r\n\r\n",
        "GET /a HTTP/1.1\r\nno colon\r\n\r\n",
        "GET /a HTTP/1.1\r\nX: y\nContent-Length: 44\r\n\r\n",
        "GET /a HTTP/1.1\r\nX: a\rb\r\n\r\n",
        "GET /a HTTP/1.1\r\nContent-Length : 0\r\n\r\n",
        "GET /a HTTP/1.1\r\nX: a\r\n folded\r\n\r\n",
        "GET /a HTTP/1.1\r\nX: a\u{0}b\r\n\r\n",
        "GET /a HTTP/1.1\r\nX(y): a\r\n\r\n",
        "GET /a\u{7F} HTTP/1.1\r\n\r\n",
        "GET /a HTTP/1.1\n\n",
        "\r\n",
    ])
    func anythingUncertainLeavesTheFastPath(request: String) {
        #expect(scan(request) == .other)
    }

    @Test func partsOfARequestAreIncomplete() {
        for request in [
            "G", "GET", "GET /a HTTP/1.1", "GET /a HTTP/1.1\r", "GET /a HTTP/1.1\r\nHost: x\r\n",
            "GET /a HTTP/1.1\r\nHost: x\r\n\r",
        ] {
            #expect(scan(request) == .incomplete, "\(request)")
        }
    }
}
