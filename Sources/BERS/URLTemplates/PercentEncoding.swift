/// Percent-encoding for the parts of a URL a template value can land in (RFC 3986).
enum PercentEncoding {
    /// How a value is encoded.
    enum Mode: Sendable, Hashable {
        /// Everything but unreserved characters (`A-Z a-z 0-9 - . _ ~`) is encoded: a path segment
        /// or a query value.
        case component
        /// Like `component`, but `/` is kept: a sub-path (`{+path}`).
        case subPath
    }

    /// The most bytes one byte of a value becomes (`%XX`).
    static let maximumExpansion = 3

    /// `value` encoded for `mode`.
    static func encode(_ value: String, mode: Mode) -> String {
        var value = value
        return value.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count * maximumExpansion) { buffer in
                var writer = URLWriter(buffer)
                writer.appendEncoded(bytes, mode: mode)
                return writer.count
            }
        }
    }

    /// Whether `byte` stays as it is in a value encoded for `mode`.
    @inline(__always)
    static func keeps(_ byte: UInt8, mode: Mode) -> Bool {
        isUnreserved(byte) || (mode == .subPath && byte == UInt8(ascii: "/"))
    }

    /// Whether `bytes` is `.` or `..`, a segment that would move the path.
    static func isDotSegment(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        (bytes.count == 1 || bytes.count == 2) && bytes.allSatisfy { $0 == UInt8(ascii: ".") }
    }

    /// The uppercase hexadecimal digit of `nibble` (0 to 15).
    @inline(__always)
    static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") + nibble - 10
    }

    @inline(__always)
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
}
