/// Percent-encoding and slash collapsing exactly as BERS's endpoint renderer does them, for the
/// build-time side of ``URLPlan``; the generated builders carry the same two functions.
enum URLEncoding {
    /// `value` with every byte but `A-Z a-z 0-9 - . _ ~` (and `/` when `keepSlashes`) written as
    /// `%XX` (upper-case hex) of its UTF-8.
    static func encode(_ value: String, keepSlashes: Bool) -> String {
        // A whole segment of "." or ".." would move the path: its dots are encoded.
        if !keepSlashes && (value == "." || value == "..") { return value == "." ? "%2E" : "%2E%2E" }
        var output: [UInt8] = []
        output.reserveCapacity(value.utf8.count)
        for byte in value.utf8 {
            if isUnreserved(byte) || (keepSlashes && byte == UInt8(ascii: "/")) {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `url` with runs of `/` collapsed to one, after the first `://` when `skipScheme`.
    static func collapse(_ url: String, skipScheme: Bool) -> String {
        var bytes = Array(url.utf8)
        var start = 0
        if skipScheme, let range = url.utf8.firstRange(of: "://".utf8) {
            start = url.utf8.distance(from: url.utf8.startIndex, to: range.upperBound)
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
        bytes.removeSubrange(write...)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)
}
