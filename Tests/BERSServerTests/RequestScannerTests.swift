@testable import BERSServer
import NIOCore
import Testing

/// The byte-level recognizer of the fast path: conservative on everything it does not know.
struct RequestScannerTests {
    private let scanner = RequestScanner(corsEnabled: true)

    private func scan(_ text: String) -> ScannedRequest {
        scanner.scan(ByteBuffer(string: text))
    }

    @Test func aPlainGetIsAnswerable() {
        let request = "GET /v1/config/staging HTTP/1.1\r\nHost: x\r\nUser-Agent: wrk\r\n\r\n"
        #expect(scan(request) == .get(target: "/v1/config/staging", ifNoneMatch: nil, length: request.utf8.count))
        let twice = request + request
        #expect(scan(twice) == .get(target: "/v1/config/staging", ifNoneMatch: nil, length: request.utf8.count))
    }

    @Test func ifNoneMatchIsLocated() {
        let request = "GET /a HTTP/1.1\r\nIF-NONE-MATCH:  \"abc\"\r\n\r\n"
        guard case .get(_, let range?, _) = scan(request) else {
            Issue.record("not a GET with If-None-Match")
            return
        }
        let bytes = Array(request.utf8)
        #expect(String(decoding: bytes[range], as: UTF8.self) == "\"abc\"")
    }

    @Test func wholeRequestsWithoutABodyGoToTheFullServer() {
        for request in [
            "HEAD /a HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /a HTTP/1.1\r\nConnection: close\r\n\r\n",
            "GET /a HTTP/1.1\r\nOrigin: https://x\r\n\r\n",
            "POST /v1/reload HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
            "OPTIONS /a HTTP/1.1\r\n\r\n",
        ] {
            #expect(scan(request) == .delimited(length: request.utf8.count), "\(request)")
        }
        let corsOff = RequestScanner(corsEnabled: false)
        let request = "GET /a HTTP/1.1\r\nOrigin: https://x\r\n\r\n"
        #expect(
            corsOff.scan(ByteBuffer(string: request))
                == .get(target: "/a", ifNoneMatch: nil, length: request.utf8.count)
        )
    }

    @Test func bodiesUpgradesAndOddRequestsStopTheFastPath() {
        for request in [
            "POST /a HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello",
            "POST /a HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n",
            "GET /a HTTP/1.1\r\nUpgrade: websocket\r\n\r\n",
            "GET /a HTTP/1.1\r\nExpect: 100-continue\r\n\r\n",
            "GET /a HTTP/1.0\r\n\r\n",
            "GET http://x/a HTTP/1.1\r\n\r\n",
            "GET /a b HTTP/1.1\r\n\r\n",
            "get /a HTTP/1.1\r\n\r\n",
            "GET /a HTTP/1.1\r\nno colon\r\n\r\n",
            "\r\n",
        ] {
            #expect(scan(request) == .other, "\(request)")
        }
    }

    @Test func partsOfARequestAreIncomplete() {
        for request in [
            "G", "GET", "GET /a HTTP/1.1", "GET /a HTTP/1.1\r\nHost: x\r\n", "GET /a HTTP/1.1\r\nHost: x\r\n\r",
        ] {
            #expect(scan(request) == .incomplete, "\(request)")
        }
    }
}
