/// Variable names for the dotenv artifact.
///
/// An automatic name is the value's path: each segment split at camel case (`rateLimit` →
/// `RATE_LIMIT`), other characters than ASCII letters and digits turned into `_`, upper-cased, the
/// segments joined by `__`, behind the prefix; a name starting with a digit gets `_` in front, and
/// a name already used gets `_2`, `_3`, … in document order.
enum DotenvName {
    /// Whether `text` is a portable variable name: ASCII letters, digits and `_`, not starting with
    /// a digit.
    static func isValid(_ text: String) -> Bool {
        guard let first = text.utf8.first, !(first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) else {
            return false
        }
        return text.utf8.allSatisfy {
            isLetter($0) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "_")
        }
    }

    /// The automatic name of a value at `tokens`, behind `prefix`.
    static func automatic(for tokens: [String], prefix: String) -> String {
        var name = prefix + tokens.map(segment).joined(separator: "__")
        if let first = name.utf8.first, first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9") { name = "_" + name }
        return name.isEmpty ? "_" : name
    }

    /// One path segment in SCREAMING_SNAKE_CASE.
    static func segment(_ token: String) -> String {
        var output = ""
        var previous: UInt8 = 0
        var pendingUnderscore = false
        for byte in token.utf8 {
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            guard isLetter(byte) || isDigit else {
                if (byte & 0xC0) != 0x80 { pendingUnderscore = !output.isEmpty }
                previous = 0
                continue
            }
            let isUpper = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
            let previousIsLowerOrDigit =
                (previous >= UInt8(ascii: "a") && previous <= UInt8(ascii: "z"))
                || (previous >= UInt8(ascii: "0") && previous <= UInt8(ascii: "9"))
            if pendingUnderscore || (isUpper && previousIsLowerOrDigit) { output.append("_") }
            pendingUnderscore = false
            output.unicodeScalars.append(Unicode.Scalar(isUpper || isDigit ? byte : byte - 32))
            previous = byte
        }
        return output.isEmpty ? "_" : output
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }
}
