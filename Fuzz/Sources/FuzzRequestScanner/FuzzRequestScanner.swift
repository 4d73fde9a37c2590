import FuzzSupport
import NIOCore

@testable import BERSServer

/// The server's fast-path request scanner: the first reader of every byte a client sends.
///
/// Properties: a scanned request lies inside the bytes received (its length, and the ranges of
/// its `If-None-Match` and `Origin` values); the same request is found when only its own bytes
/// have arrived (what follows it changes nothing); a strict prefix of it is never another request.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequestScanner(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = FuzzInput(start, count).bytes
    let scanned = scan(bytes)
    guard let length = scanned.length else { return 0 }
    fuzzCheck(length > 0 && length <= bytes.count, "a request of \(length) bytes in \(bytes.count)")
    if case .get(let target, let ifNoneMatch, let origin, _) = scanned {
        fuzzCheck(!target.isEmpty, "a GET without a target")
        for range in [ifNoneMatch, origin].compactMap({ $0 }) {
            fuzzCheck(range.lowerBound >= 0 && range.upperBound <= length, "a field outside the request")
        }
    }
    fuzzCheck(scan(Array(bytes[..<length])) == scanned, "the request depends on the bytes after it")
    for cut in Set([length - 1, length / 2, 1]) where cut > 0 && cut < length {
        let partial = scan(Array(bytes[..<cut]))
        fuzzCheck(partial == .incomplete || partial == .other, "a prefix of \(cut) bytes is a request: \(partial)")
    }
    return 0
}

func scan(_ bytes: [UInt8]) -> ScannedRequest {
    var buffer = ByteBufferAllocator().buffer(capacity: bytes.count)
    buffer.writeBytes(bytes)
    return RequestScanner().scan(buffer)
}

extension ScannedRequest {
    /// The length of a whole request, or `nil`.
    var length: Int? {
        switch self {
        case .get(_, _, _, let length), .delimited(let length): length
        case .incomplete, .other: nil
        }
    }
}
