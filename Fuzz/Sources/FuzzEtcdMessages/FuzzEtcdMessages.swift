import BERSJSON
import FuzzSupport

@testable import BERSRemoteStores

/// What etcd's JSON gateway sends: watch stream lines and range / transaction answers.
///
/// Properties: each line gives a message, `nil` or `.failed`, never a crash; an answer gives its
/// object or a typed error; key values decode or are skipped; a revision is never negative.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEtcdMessages(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = FuzzInput(start, count).bytes
    for line in bytes.split(separator: UInt8(ascii: "\n")) {
        checkWatchLine(Array(line))
    }
    let response = RemoteResponse(status: 200, headers: [:], body: bytes)
    do {
        let answer = try EtcdClient.answer(response, context: "fuzz")
        let pairs = answer["kvs"]?.arrayValue?.compactMap(EtcdKeyValue.init) ?? []
        fuzzCheck(pairs.allSatisfy { $0.modRevision >= 0 }, "a negative revision in a range answer")
    } catch {
        fuzzCheck(error.code == .storeBadResponse || error.code == .storeUnavailable, "unexpected \(error.code)")
    }
    return 0
}

func checkWatchLine(_ line: [UInt8]) {
    switch EtcdWatchMessage(line: line) {
    case .created(let revision)?: fuzzCheck(revision >= 0, "a negative created revision")
    case .events(let events, let revision)?:
        fuzzCheck(revision >= 0, "a negative revision")
        fuzzCheck(events.allSatisfy { $0.keyValue.modRevision >= 0 }, "a negative event revision")
    case .compacted(let revision)?: fuzzCheck(revision >= 0, "a negative compact revision")
    case .failed(let reason)?: fuzzCheck(!reason.isEmpty, "a failure without a reason")
    case nil: break
    }
}
