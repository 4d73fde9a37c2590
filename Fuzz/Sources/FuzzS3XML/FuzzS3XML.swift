import FuzzSupport

@testable import BERSRemoteStores

/// The S3 XML answers: ListObjectsV2 pages and error documents.
///
/// Properties: a page or `nil`, an error document or `nil`, never a crash; a page read with URL
/// decoding has as many keys and the same IsTruncated as read without; the error code is never
/// empty.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzS3XML(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let body = FuzzInput(start, count).bytes
    let encoded = S3ListObjectsPage(body: body, urlEncodedKeys: true)
    let plain = S3ListObjectsPage(body: body, urlEncodedKeys: false)
    if let encoded {
        fuzzCheck(plain != nil, "a page read with decoding but not without")
        fuzzCheck(encoded.keys.count == plain?.keys.count, "decoding changed the number of keys")
        fuzzCheck(encoded.isTruncated == plain?.isTruncated, "decoding changed IsTruncated")
    }
    if let error = S3ErrorResponse(body: body) {
        fuzzCheck(!error.code.isEmpty, "an S3 error without a code")
    }
    return 0
}
