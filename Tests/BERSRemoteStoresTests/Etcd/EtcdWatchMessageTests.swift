@testable import BERSRemoteStores
import Testing

struct EtcdWatchMessageTests {
    private func message(_ text: String) -> EtcdWatchMessage? {
        EtcdWatchMessage(line: Array(text.utf8))
    }

    @Test func createdAnswersCarryTheRevision() {
        guard case .created(let revision)? = message(#"{"result":{"header":{"revision":"7"},"created":true}}"#) else {
            Issue.record("not a created message")
            return
        }
        #expect(revision == 7)
    }

    @Test func eventsAreDecodedPutsAndDeletes() {
        let line = #"""
            {"result":{"header":{"revision":"9"},"events":[{"kv":{"key":"cC9h","mod_revision":"8","value":"eyJ4IjoxfQ=="}},{"type":"DELETE","kv":{"key":"cC9i","mod_revision":"9"}}]}}
            """#
        guard case .events(let events, let revision)? = message(line) else {
            Issue.record("not an events message")
            return
        }
        #expect(revision == 9)
        #expect(events.map(\.keyValue.key) == ["p/a", "p/b"])
        #expect(events.map(\.isDelete) == [false, true])
        #expect(events[0].keyValue.value == Array(#"{"x":1}"#.utf8))
        #expect(events[1].keyValue.modRevision == 9)
    }

    @Test func aCompactedRevisionAsksForAFullRead() {
        let line = #"{"result":{"header":{"revision":"20"},"canceled":true,"compact_revision":"15"}}"#
        guard case .compacted(let compacted)? = message(line) else {
            Issue.record("not a compaction")
            return
        }
        #expect(compacted == 15)
    }

    @Test func cancellationsErrorsAndGarbageEndTheStream() {
        let lines = [
            #"{"result":{"canceled":true,"cancel_reason":"permission denied"}}"#,
            #"{"error":{"grpc_code":14,"message":"etcdserver: no leader"}}"#,
            "not json",
            "[1, 2]",
        ]
        for line in lines {
            guard case .failed(let reason)? = message(line) else {
                Issue.record("\(line) should end the stream")
                continue
            }
            #expect(!reason.isEmpty)
        }
    }

    /// Found reading the `etcd-messages` fuzz properties: a negative revision was kept as is.
    @Test func negativeRevisionsReadAsZero() {
        guard case .created(let revision)? = message(#"{"result":{"header":{"revision":"-5"},"created":true}}"#) else {
            Issue.record("not a created message")
            return
        }
        #expect(revision == 0)
        let compaction = message(#"{"result":{"canceled":true,"compact_revision":-3,"cancel_reason":"x"}}"#)
        guard case .failed? = compaction else {
            Issue.record("a negative compaction revision is no compaction")
            return
        }
    }

    /// Found reading the `etcd-messages` fuzz properties: an empty reason gave an empty failure.
    @Test(arguments: [
        #"{"result":{"canceled":true,"cancel_reason":""}}"#, #"{"result":{"canceled":true,"cancel_reason":" "}}"#,
        #"{"error":{"message":""}}"#, #"{"error":{"message":7}}"#,
    ])
    func emptyReasonsAreReplacedByOneThatSaysWhat(_ line: String) {
        guard case .failed(let reason)? = message(line) else {
            Issue.record("\(line) should end the stream")
            return
        }
        #expect(reason.hasPrefix("etcd "))
    }

    @Test func progressNotificationsCarryNothing() {
        #expect(message(#"{"result":{"header":{"revision":"3"}}}"#) == nil)
        #expect(message(#"{"other":1}"#) == nil)
    }
}
