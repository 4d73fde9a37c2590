/// Swift source text for values: string, integer and floating-point literals that compile to
/// exactly the value they were made from.
enum SwiftLiteral {
    /// A string literal: `\\`, `\"`, `\n`, `\r`, `\t`, `\0` escaped, other control characters and
    /// the Unicode line and paragraph separators as `\u{…}`, everything else as it is.
    static func string(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": output += "\\\\"
            case "\"": output += "\\\""
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\0": output += "\\0"
            case _
            where scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029:
                output += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }

    /// An integer literal (Swift's `Int` is 64 bits on every platform BERS supports).
    static func integer(_ value: Int64) -> String { "\(value)" }

    /// A floating-point literal with the shortest digits that read back as the same double.
    static func double(_ value: Double) -> String {
        let text = "\(value)"
        // `description` prints integral values as `8000.0` and others as `0.1` or `1e-07`: all
        // valid literals.
        return text
    }
}
