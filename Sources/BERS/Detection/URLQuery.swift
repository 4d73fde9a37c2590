/// Reads query parameters out of a URL string, percent-decoding names and values.
enum URLQuery {
    /// Every value of the parameter `name` in `url`'s query, in order.
    static func values(named name: String, in url: String) -> [String] {
        var url = url
        return url.withUTF8 { bytes -> [String] in
            guard let questionMark = bytes.firstIndex(of: UInt8(ascii: "?")) else { return [] }
            let end = bytes[(questionMark + 1)...].firstIndex(of: UInt8(ascii: "#")) ?? bytes.count
            var values: [String] = []
            var start = questionMark + 1
            while start < end {
                let stop = bytes[start..<end].firstIndex(of: UInt8(ascii: "&")) ?? end
                if stop > start {
                    let pair = UnsafeBufferPointer(rebasing: bytes[start..<stop])
                    let equals = pair.firstIndex(of: UInt8(ascii: "="))
                    let key = UnsafeBufferPointer(rebasing: pair[..<(equals ?? pair.endIndex)])
                    if decode(key) == name {
                        values.append(equals.map { decode(UnsafeBufferPointer(rebasing: pair[($0 + 1)...])) } ?? "")
                    }
                }
                start = stop + 1
            }
            return values
        }
    }

    /// Percent-decodes `bytes`, treating `+` as a space; malformed escapes stay as written.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                decoded.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), index + 2 < bytes.count,
                let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
            {
                decoded.append(high << 4 | low)
                index += 2
            } else {
                decoded.append(byte)
            }
            index += 1
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
