/// `ipv4` (RFC 2673 dotted quad, no leading zeros) and `ipv6` (RFC 4291 text forms, no zone).
enum IPFormats {
    /// Four decimal octets 0-255 without leading zeros.
    static let isIPv4: @Sendable (String) -> Bool = { string in
        string.withUTF8Bytes { bytes in ipv4(bytes, 0, bytes.count) }
    }

    /// The RFC 4291 forms: eight groups, `::` compression, a trailing dotted quad.
    static let isIPv6: @Sendable (String) -> Bool = { string in
        string.withUTF8Bytes { bytes in ipv6(bytes, 0, bytes.count) }
    }

    /// Whether `bytes[start..<end]` is a dotted quad.
    static func ipv4(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var index = start
        for part in 0..<4 {
            if part > 0 {
                guard index < end, bytes[index] == 0x2E else { return false }
                index += 1
            }
            let first = index
            var value = 0
            while index < end, bytes[index].isASCIIDigit, index - first < 3 {
                value = value * 10 + Int(bytes[index] - 0x30)
                index += 1
            }
            let length = index - first
            if length == 0 || value > 255 || (length > 1 && bytes[first] == 0x30) { return false }
        }
        return index == end
    }

    /// Whether `bytes[start..<end]` is an IPv6 address.
    static func ipv6(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var index = start
        var groups = 0
        var compressed = false
        if end - start >= 2, bytes[start] == 0x3A, bytes[start + 1] == 0x3A {
            compressed = true
            index += 2
            if index == end { return true }
        } else if index < end, bytes[index] == 0x3A {
            return false
        }
        while index < end {
            let first = index
            while index < end, bytes[index].isHexDigit, index - first < 5 { index += 1 }
            let length = index - first
            if index < end, bytes[index] == 0x2E {
                // A trailing dotted quad counts as two groups.
                guard ipv4(bytes, first, end) else { return false }
                groups += 2
                index = end
                break
            }
            guard length >= 1, length <= 4 else { return false }
            groups += 1
            if index == end { break }
            guard bytes[index] == 0x3A else { return false }
            index += 1
            if index < end, bytes[index] == 0x3A {
                if compressed { return false }
                compressed = true
                index += 1
                if index == end { break }
            } else if index == end {
                return false
            }
        }
        return compressed ? groups <= 7 : groups == 8
    }
}
