extension JSONWriter {
    /// Lowercase hex digits, for `\u00xx` escapes (the case RFC 8785 prescribes).
    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Writes `text` as a JSON string: runs of bytes that need no escape are copied in one go.
    mutating func writeString(_ text: String) {
        let written: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            writeString(bytes: bytes)
        }
        if written == nil {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { writeString(bytes: $0) }
        }
    }

    private mutating func writeString(bytes: UnsafeBufferPointer<UInt8>) {
        output.append(Byte.quote)
        var runStart = 0
        var cursor = 0
        let end = bytes.count
        while cursor < end {
            let byte = bytes[cursor]
            if byte >= Byte.space && byte != Byte.quote && byte != Byte.backslash && (byte < 0x80 || !asciiOnly) {
                cursor += 1
                continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<cursor]))
            if byte >= 0x80 {
                cursor += writeEscapedScalar(bytes, at: cursor)
            } else {
                writeEscape(byte)
                cursor += 1
            }
            runStart = cursor
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end]))
        output.append(Byte.quote)
    }

    /// Writes the escape of an ASCII byte: a quote, a backslash or a control character.
    private mutating func writeEscape(_ byte: UInt8) {
        output.append(Byte.backslash)
        switch byte {
        case Byte.quote: output.append(Byte.quote)
        case Byte.backslash: output.append(Byte.backslash)
        case 0x08: output.append(0x62)  // b
        case 0x0C: output.append(Byte.lowerF)
        case Byte.lineFeed: output.append(Byte.lowerN)
        case Byte.carriageReturn: output.append(0x72)  // r
        case Byte.tab: output.append(Byte.lowerT)
        default: writeUnicodeEscape(UInt16(byte), backslashWritten: true)
        }
    }

    /// Writes the non-ASCII scalar at `offset` as `\uXXXX` (two for a scalar above U+FFFF) and returns its length in
    /// bytes.
    ///
    /// Strings are valid UTF-8, so the sequence is well formed.
    private mutating func writeEscapedScalar(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
        let lead = UInt32(bytes[offset])
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for extra in 1..<length where offset + extra < bytes.count {
            value = value << 6 | UInt32(bytes[offset + extra] & 0x3F)
        }
        if value >= 0x10000 {
            let shifted = value - 0x10000
            writeUnicodeEscape(UInt16(0xD800 + (shifted >> 10)), backslashWritten: false)
            writeUnicodeEscape(UInt16(0xDC00 + (shifted & 0x3FF)), backslashWritten: false)
        } else {
            writeUnicodeEscape(UInt16(value), backslashWritten: false)
        }
        return length
    }

    /// Writes `\uXXXX` in lowercase hex.
    private mutating func writeUnicodeEscape(_ unit: UInt16, backslashWritten: Bool) {
        if !backslashWritten { output.append(Byte.backslash) }
        output.append(0x75)  // u
        for shift in stride(from: 12, through: 0, by: -4) {
            output.append(Self.hexDigits[Int(unit >> UInt16(shift) & 0xF)])
        }
    }
}
