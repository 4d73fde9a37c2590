/// One page of a ListObjectsV2 answer (`<ListBucketResult>`), requested with `encoding-type=url`.
struct S3ListObjectsPage: Sendable, Hashable {
    /// The full keys of the page (prefix included), decoded.
    var keys: [String]
    /// Whether more pages follow.
    var isTruncated: Bool
    /// The token for the next page, when truncated.
    var nextContinuationToken: String?

    /// Reads a page; `nil` when the body is not a `ListBucketResult` or a key cannot be decoded.
    init?(body: [UInt8], urlEncodedKeys: Bool) {
        let xml = XMLText(body)
        guard xml.looksLikeXML, let resultRange = xml.elements("ListBucketResult", in: 0..<body.count).first else {
            return nil
        }
        let resultBytes = Array(body[resultRange])
        let result = XMLText(resultBytes)
        var keys: [String] = []
        for contents in result.elements("Contents", in: 0..<resultBytes.count) {
            let entry = XMLText(Array(resultBytes[contents]))
            guard let raw = entry.first("Key") else { return nil }
            guard let key = urlEncodedKeys ? AWSURIEncoding.decode(raw) : raw else { return nil }
            keys.append(key)
        }
        switch result.first("IsTruncated") {
        case "true": isTruncated = true
        case "false", nil: isTruncated = false
        default: return nil
        }
        self.keys = keys
        nextContinuationToken = result.first("NextContinuationToken")
    }
}
