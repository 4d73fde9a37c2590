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

    /// Appends `value` to `output`, encoded for `mode`.
    @inline(__always)
    static func append(_ value: String, mode: Mode, to output: inout String) {
        var value = value
        let plain = value.withUTF8 { bytes in
            bytes.allSatisfy { isUnreserved($0) || (mode == .subPath && $0 == UInt8(ascii: "/")) }
        }
        if plain {
            output.append(value)
        } else {
            appendEncoded(&value, mode: mode, to: &output)
        }
    }

    @inline(never)
    private static func appendEncoded(_ value: inout String, mode: Mode, to output: inout String) {
        value.withUTF8 { bytes in
            var encoded: [UInt8] = []
            encoded.reserveCapacity(bytes.count * 3)
            for byte in bytes {
                if isUnreserved(byte) || (mode == .subPath && byte == UInt8(ascii: "/")) {
                    encoded.append(byte)
                } else {
                    encoded.append(UInt8(ascii: "%"))
                    encoded.append(hexDigits[Int(byte >> 4)])
                    encoded.append(hexDigits[Int(byte & 0x0F)])
                }
            }
            output.append(contentsOf: String(decoding: encoded, as: UTF8.self))
        }
    }

    /// `value` encoded for `mode`.
    static func encode(_ value: String, mode: Mode) -> String {
        var output = ""
        append(value, mode: mode, to: &output)
        return output
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

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)
}
