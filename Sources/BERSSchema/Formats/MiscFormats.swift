/// `uuid`, `regex` and draft 3 `color`.
enum MiscFormats {
    /// RFC 4122 text form: `8-4-4-4-12` hex digits.
    static let isUUID: @Sendable (String) -> Bool = { string in
        string.withUTF8Bytes { bytes in
            guard bytes.count == 36 else { return false }
            for index in 0..<36 {
                if index == 8 || index == 13 || index == 18 || index == 23 {
                    if bytes[index] != 0x2D { return false }
                } else if !bytes[index].isHexDigit {
                    return false
                }
            }
            return true
        }
    }

    /// An ECMA-262 regular expression (with the `u` flag), checked with ``ECMARegex``.
    static let isRegex: @Sendable (String) -> Bool = { string in
        (try? ECMARegex.validateSyntax(string)) != nil
    }

    /// Draft 3 `color`: a CSS 2.1 color name, `#rgb` or `#rrggbb`.
    static let isCSSColor: @Sendable (String) -> Bool = { string in
        let names: Set<String> = [
            "aqua", "black", "blue", "fuchsia", "gray", "green", "lime", "maroon", "navy", "olive", "orange",
            "purple", "red", "silver", "teal", "white", "yellow",
        ]
        if names.contains(string.lowercased()) { return true }
        return string.withUTF8Bytes { bytes in
            (bytes.count == 4 || bytes.count == 7) && bytes[0] == 0x23 && bytes.dropFirst().allSatisfy(\.isHexDigit)
        }
    }
}
