/// Writes the UTF-8 bytes of a URL into a buffer sized in advance, for ``Endpoint/url(_:)``.
///
/// Every write checks that it fits: the caller sizes the buffer as text length plus
/// ``PercentEncoding/maximumExpansion`` times each value's length, which no write can exceed.
struct URLWriter {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    /// The number of bytes written; lowering it drops the bytes after.
    var count = 0

    /// A writer filling `buffer` from its start.
    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    /// Appends one byte.
    mutating func append(_ byte: UInt8) {
        precondition(count < buffer.count, "URLWriter: too small")
        buffer[count] = byte
        count += 1
    }

    /// Appends text as it is.
    mutating func append(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append($0) }) == nil {
            for byte in text.utf8 { append(byte) }
        }
    }

    /// Appends bytes as they are.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        count = buffer[count...].initialize(fromContentsOf: bytes)
    }

    /// Appends `value` percent-encoded for `mode`.
    mutating func appendEncoded(_ value: String, mode: PercentEncoding.Mode) {
        var value = value
        value.withUTF8 { appendEncoded($0, mode: mode) }
    }

    /// Appends `bytes` percent-encoded for `mode`.
    mutating func appendEncoded(_ bytes: UnsafeBufferPointer<UInt8>, mode: PercentEncoding.Mode) {
        precondition(count + bytes.count * PercentEncoding.maximumExpansion <= buffer.count, "URLWriter: too small")
        // A whole segment of "." or ".." would move the path: encode its dots.
        let encodesDots = mode == .component && PercentEncoding.isDotSegment(bytes)
        let output = buffer
        var end = count
        for byte in bytes {
            if !encodesDots && PercentEncoding.keeps(byte, mode: mode) {
                output[end] = byte
                end += 1
            } else {
                output[end] = UInt8(ascii: "%")
                output[end + 1] = PercentEncoding.hexDigit(byte >> 4)
                output[end + 2] = PercentEncoding.hexDigit(byte & 0x0F)
                end += 3
            }
        }
        count = end
    }

    /// Collapses runs of `/` in everything written so far, after its first `://` if `skipScheme`;
    /// the first `collapsedPrefix` bytes are collapsed already.
    mutating func collapseSlashes(skipScheme: Bool = true, collapsedPrefix: Int = 0) {
        count = URLPath.collapseSlashes(
            in: UnsafeMutableBufferPointer(rebasing: buffer[..<count]),
            skipScheme: skipScheme,
            collapsedPrefix: collapsedPrefix
        )
    }
}
