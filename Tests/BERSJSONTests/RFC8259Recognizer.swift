/// The oracle of the JSON differential test: an independent, deliberately plain recursive-descent
/// recognizer of RFC 8259 `JSON-text`, written from the RFC's ABNF (§2–§7) and sharing no code
/// with `BERSJSON`.
///
/// Where the RFC leaves a choice to implementations, it follows what `JSONParser` documents:
/// - a leading byte order mark is ignored (§8.1 allows it);
/// - the text must be UTF-8 (§8.1): anything else is rejected;
/// - a `\u` escape of a lone surrogate is rejected (§8.2 says such strings are grammatical but
///   their behaviour is unpredictable);
/// - an object may not repeat a key (§4 only says names SHOULD be unique); keys are compared as
///   Swift `String`s, that is by canonical equivalence, as `JSONObject` does;
/// - arrays and objects nest at most 512 levels, and a number must be within the range of a
///   double (§9 allows limits on nesting and on the range of numbers).
struct RFC8259Recognizer {
    /// The deepest nesting accepted (`JSONParser.Options.default.maxDepth`).
    static let maxDepth = 512

    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0

    /// Whether `bytes` is one JSON text under the policy above.
    static func accepts(_ bytes: [UInt8]) -> Bool {
        guard String(validating: bytes, as: UTF8.self) != nil else { return false }
        var recognizer = RFC8259Recognizer(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { recognizer.index = 3 }
        return recognizer.jsonText()
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Reads `JSON-text = ws value ws`.
    private mutating func jsonText() -> Bool {
        skipWhitespace()
        guard value() else { return false }
        skipWhitespace()
        return index == bytes.count
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Skips `ws = *( %x20 / %x09 / %x0A / %x0D )`.
    private mutating func skipWhitespace() {
        while let byte = current, [0x20, 0x09, 0x0A, 0x0D].contains(byte) { index += 1 }
    }

    /// Consumes `literal` if the text continues with it.
    private mutating func consume(_ literal: String) -> Bool {
        let expected = Array(literal.utf8)
        guard bytes[index...].starts(with: expected) else { return false }
        index += expected.count
        return true
    }

    /// Reads `value = false / null / true / object / array / number / string`.
    private mutating func value() -> Bool {
        guard let byte = current else { return false }
        switch byte {
        case UInt8(ascii: "{"): return container(close: "}", member: { $0.member(&$1) })
        case UInt8(ascii: "["): return container(close: "]", member: { recognizer, _ in recognizer.value() })
        case UInt8(ascii: "\""): return string() != nil
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
        default: return consume("true") || consume("false") || consume("null")
        }
    }

    /// `object` or `array`: the opening bracket, members separated by commas, the closing one.
    private mutating func container(
        close: Unicode.Scalar,
        member: (inout RFC8259Recognizer, inout [String]) -> Bool
    ) -> Bool {
        depth += 1
        guard depth <= Self.maxDepth else { return false }
        index += 1
        skipWhitespace()
        var keys: [String] = []
        if current != UInt8(ascii: close) {
            while true {
                guard member(&self, &keys) else { return false }
                skipWhitespace()
                guard current == UInt8(ascii: ",") else { break }
                index += 1
                skipWhitespace()
            }
        }
        guard current == UInt8(ascii: close) else { return false }
        index += 1
        depth -= 1
        return true
    }

    /// `member = string name-separator value`, with a key not already in `keys`.
    private mutating func member(_ keys: inout [String]) -> Bool {
        guard current == UInt8(ascii: "\""), let key = string(), !keys.contains(key) else { return false }
        keys.append(key)
        skipWhitespace()
        guard consume(":") else { return false }
        skipWhitespace()
        return value()
    }

    /// `number = [ minus ] int [ frac ] [ exp ]`, within the range of a double.
    private mutating func number() -> Bool {
        let start = index
        _ = consume("-")
        if !consume("0") {
            guard digits() > 0 else { return false }
        }
        if consume(".") {
            guard digits() > 0 else { return false }
        }
        if consume("e") || consume("E") {
            _ = consume("+") || consume("-")
            guard digits() > 0 else { return false }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        return Double(text)?.isFinite ?? false
    }

    /// Consumes `*DIGIT` and returns how many.
    private mutating func digits() -> Int {
        let start = index
        while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
        return index - start
    }

    /// `string = quotation-mark *char quotation-mark`; returns the decoded text, or `nil`.
    private mutating func string() -> String? {
        index += 1
        var units: [UInt16] = []
        while let byte = current {
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(validating: units, as: UTF16.self)
            case UInt8(ascii: "\\"):
                guard let escaped = escape() else { return nil }
                units += escaped
            case 0x00..<0x20:
                return nil
            default:
                let start = index - 1
                while let next = current, next & 0xC0 == 0x80 { index += 1 }
                guard let scalar = String(validating: bytes[start..<index], as: UTF8.self) else { return nil }
                units += scalar.utf16
            }
        }
        return nil
    }

    /// The UTF-16 units of the escape after a backslash (a lone surrogate is checked by the
    /// `String(validating:)` of the whole string).
    private mutating func escape() -> [UInt16]? {
        let simple: [UInt8: UInt16] = [
            UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F, UInt8(ascii: "b"): 0x08,
            UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
        ]
        guard let letter = current else { return nil }
        index += 1
        if let unit = simple[letter] { return [unit] }
        guard letter == UInt8(ascii: "u"), index + 4 <= bytes.count else { return nil }
        let hex = bytes[index..<index + 4]
        guard hex.allSatisfy({ Character(Unicode.Scalar($0)).isHexDigit }),
            let unit = UInt16(String(decoding: hex, as: UTF8.self), radix: 16)
        else { return nil }
        index += 4
        return [unit]
    }
}
