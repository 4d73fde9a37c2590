/// Byte-level rules for the path of a rendered URL: `..` segments and runs of `/`.
enum URLPath {
    /// Whether `value` has a segment (between `/`s or the ends) that is exactly `..`.
    ///
    /// Bytes, not characters: a `/` followed by a combining mark still separates segments in the
    /// URL, so `../\u{301}x` has a `..` segment.
    static func hasDotDotSegment(_ value: String) -> Bool {
        var value = value
        return value.withUTF8(hasDotDotSegment)
    }

    /// Whether `bytes` has a segment that is exactly `..`.
    static func hasDotDotSegment(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var dots = 0  // dots since the last `/`, or -1 once the segment has anything else
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "/"):
                if dots == 2 { return true }
                dots = 0
            case UInt8(ascii: "."):
                if dots >= 0 { dots += 1 }
            default:
                dots = -1
            }
        }
        return dots == 2
    }

    /// Collapses runs of `/` in `bytes` in place, after the first `://` if `skipScheme`, and
    /// returns the collapsed length.
    ///
    /// `collapsedPrefix` bytes at the start are known to be collapsed already (a template's
    /// leading text): when the scheme ends within them, the scan starts at their last byte.
    static func collapseSlashes(
        in bytes: UnsafeMutableBufferPointer<UInt8>,
        skipScheme: Bool,
        collapsedPrefix: Int = 0
    ) -> Int {
        var start = 0
        if skipScheme, let end = schemeEnd(in: UnsafeBufferPointer(bytes)) {
            start = end <= collapsedPrefix ? max(end, collapsedPrefix - 1) : end
        }
        var write = start
        var previousSlash = false
        for read in start..<bytes.count {
            let byte = bytes[read]
            if byte == UInt8(ascii: "/") && previousSlash { continue }
            previousSlash = byte == UInt8(ascii: "/")
            bytes[write] = byte
            write += 1
        }
        return write
    }

    /// The index just after the first `://` in `bytes`, if any.
    static func schemeEnd(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count >= 3 else { return nil }
        for index in 0...(bytes.count - 3)
        where bytes[index] == UInt8(ascii: ":") && bytes[index + 1] == UInt8(ascii: "/")
            && bytes[index + 2] == UInt8(ascii: "/")
        {
            return index + 3
        }
        return nil
    }
}
