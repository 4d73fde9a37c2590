import BERS

/// Finds envelopes (`enc:v1:<key id>:<base64>`) in the text of a file.
enum EnvelopeScanner {
    /// An envelope and the bytes it spans.
    struct Found {
        var envelope: SecretEnvelope
        var range: Range<Int>
    }

    private static let prefix = Array(SecretEnvelope.prefix.utf8)

    /// The first well-formed envelope at or after `start`, or `nil`.
    ///
    /// Text that starts like one but is not (a mention in a comment) is skipped.
    static func next(in bytes: [UInt8], from start: Int) -> Found? {
        var index = start
        while index + prefix.count <= bytes.count {
            if bytes[index] == prefix[0], bytes[index..<(index + prefix.count)].elementsEqual(prefix),
                index == 0 || !isAlphanumeric(bytes[index - 1]),
                let found = envelope(in: bytes, at: index)
            {
                return found
            }
            index += 1
        }
        return nil
    }

    /// The envelope starting at `start` (where the prefix is), if well formed.
    private static func envelope(in bytes: [UInt8], at start: Int) -> Found? {
        var end = start + prefix.count
        while end < bytes.count, isKeyIDByte(bytes[end]) { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ":") else { return nil }
        end += 1
        while end < bytes.count, isBase64Byte(bytes[end]) { end += 1 }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        guard let envelope = try? SecretEnvelope.parse(text) else { return nil }
        return Found(envelope: envelope, range: start..<end)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        default: false
        }
    }

    private static func isKeyIDByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte) || byte == UInt8(ascii: "-")
    }

    private static func isBase64Byte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "=")
    }
}
