import BERSRemoteStores
import FuzzSupport

/// Lambda proxy envelopes around tenant documents.
///
/// Properties: an envelope, `nil` (the bytes are the document) or `tenant.store-bad-response`;
/// an envelope's status is an HTTP status and its header names are lower case.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLambdaEnvelope(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = FuzzInput(start, count).bytes
    do {
        guard let envelope = try LambdaEnvelope.unwrap(bytes) else { return 0 }
        fuzzCheck((100...599).contains(envelope.statusCode), "status \(envelope.statusCode)")
        fuzzCheck(envelope.headers.keys.allSatisfy { $0 == $0.lowercased() }, "a header name not in lower case")
    } catch {
        fuzzCheck(error.code == .storeBadResponse, "an unexpected error: \(error.code)")
    }
    return 0
}
