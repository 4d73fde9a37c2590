/// `uri-template`: RFC 6570 syntax (level 4).
enum URITemplateFormat {
    /// Literals and `{operator varspec,…}` expressions.
    static let isURITemplate: @Sendable (String) -> Bool = { string in
        string.withUTF8Bytes { bytes in template(bytes) }
    }

    static func template(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            switch byte {
            case 0x7B:  // {
                guard let end = expression(bytes, index + 1) else { return false }
                index = end
            case 0x25:  // %
                guard index + 2 < count, bytes[index + 1].isHexDigit, bytes[index + 2].isHexDigit else { return false }
                index += 3
            case 0x00...0x20, 0x7F, 0x22, 0x3C, 0x3E, 0x5C, 0x5E, 0x60, 0x7C, 0x7D:
                return false
            default:
                index += 1
            }
        }
        return true
    }

    /// Reads an expression body after `{`; returns the index after `}`.
    private static func expression(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int? {
        var index = start
        let count = bytes.count
        guard index < count else { return nil }
        switch bytes[index] {
        case 0x2B, 0x23, 0x2E, 0x2F, 0x3B, 0x3F, 0x26: index += 1  // + # . / ; ? &
        default: break
        }
        while true {
            // varname = varchar *( ["."] varchar )
            var previousDot = true
            var any = false
            while index < count {
                let byte = bytes[index]
                if byte.isASCIIAlpha || byte.isASCIIDigit || byte == 0x5F {
                    index += 1
                } else if byte == 0x25 {
                    guard index + 2 < count, bytes[index + 1].isHexDigit, bytes[index + 2].isHexDigit else {
                        return nil
                    }
                    index += 3
                } else if byte == 0x2E {
                    if previousDot { return nil }
                    previousDot = true
                    index += 1
                    continue
                } else {
                    break
                }
                previousDot = false
                any = true
            }
            guard any, !previousDot, index < count else { return nil }
            if bytes[index] == 0x3A {  // :max-length, 1-9999 without a leading zero
                index += 1
                let digits = index
                while index < count, bytes[index].isASCIIDigit { index += 1 }
                let length = index - digits
                guard length >= 1, length <= 4, bytes[digits] != 0x30 else { return nil }
            } else if bytes[index] == 0x2A {  // *
                index += 1
            }
            guard index < count else { return nil }
            if bytes[index] == 0x7D { return index + 1 }
            guard bytes[index] == 0x2C else { return nil }
            index += 1
        }
    }
}
