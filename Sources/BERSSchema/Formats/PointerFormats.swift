/// RFC 6901 `json-pointer` and `relative-json-pointer`.
enum PointerFormats {
    /// Empty, or `/`-prefixed reference tokens where `~` is followed by `0` or `1`.
    static let isJSONPointer: @Sendable (String) -> Bool = { string in
        string.withUTF8Bytes { bytes in pointer(bytes, 0) }
    }

    /// A non-negative integer (no leading zeros) followed by `#` or a JSON Pointer.
    static let isRelativeJSONPointer: @Sendable (String) -> Bool = { string in
        string.withUTF8Bytes { bytes in
            var index = 0
            while index < bytes.count, bytes[index].isASCIIDigit { index += 1 }
            guard index > 0, index == 1 || bytes[0] != 0x30 else { return false }
            if index < bytes.count, bytes[index] == 0x23 { return index + 1 == bytes.count }
            return pointer(bytes, index)
        }
    }

    static func pointer(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        guard start < bytes.count else { return true }
        guard bytes[start] == 0x2F else { return false }
        var index = start
        while index < bytes.count {
            if bytes[index] == 0x7E {
                guard index + 1 < bytes.count, bytes[index + 1] == 0x30 || bytes[index + 1] == 0x31 else {
                    return false
                }
                index += 1
            }
            index += 1
        }
        return true
    }
}
