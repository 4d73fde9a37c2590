public import BERSJSON

/// Reads YAML scalars into JSON values by the YAML 1.2 core schema (YAML 1.2.2 §10.3.2).
///
/// Plain (unquoted) scalars without a tag are resolved:
///
/// | text | value |
/// |---|---|
/// | empty, `null`, `Null`, `NULL`, `~` | `null` |
/// | `true`, `True`, `TRUE`, `false`, `False`, `FALSE` | boolean |
/// | `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+` | integer (a decimal too large for `Int64` is a double) |
/// | `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?` | double |
/// | `.inf`, `.nan` in any of their spellings | an error: JSON cannot hold them |
/// | anything else (`yes`, `no`, `on`, `off`, `0b101`, `1_000`, dates) | string |
///
/// Quoted and block scalars are strings. The tags `!!str`, `!!int`, `!!float`, `!!bool` and
/// `!!null` force a type (and the text must fit it); the non-specific tag `!` makes a string.
public enum YAMLScalar {
    /// The JSON value of a scalar.
    ///
    /// ```swift
    /// try YAMLScalar.value(of: "0x1F", tag: nil, isPlain: true)   // .integer(31)
    /// try YAMLScalar.value(of: "yes", tag: nil, isPlain: true)    // .string("yes")
    /// ```
    ///
    /// - Parameters:
    ///   - text: the scalar's text, after YAML unescaping and folding.
    ///   - tag: the resolved tag (`tag:yaml.org,2002:int`, `!`, ...), or `nil` when the scalar
    ///     has none.
    ///   - isPlain: whether the scalar was written without quotes or block indicators.
    /// - Returns: the value.
    /// - Throws: a message when the text does not fit its tag, is infinite or NaN, or has a tag
    ///   JSON cannot represent; the caller adds the code and location. A tag error names the tag,
    ///   never the text: the reader cannot know whether the schema makes the value a secret.
    public static func value(of text: String, tag: String?, isPlain: Bool) throws(YAMLScalarError) -> JSONValue {
        switch tag {
        case nil:
            return isPlain ? try resolvePlain(text) : .string(text)
        case "!", "tag:yaml.org,2002:str":
            return .string(text)
        case "tag:yaml.org,2002:null":
            guard isNull(text) else { throw YAMLScalarError(.yaml, "the value is not a null (tagged !!null)") }
            return .null
        case "tag:yaml.org,2002:bool":
            guard let flag = bool(text) else {
                throw YAMLScalarError(.yaml, "the value is not a boolean (tagged !!bool)")
            }
            return .bool(flag)
        case "tag:yaml.org,2002:int":
            guard let integer = try integer(text) else {
                throw YAMLScalarError(.yaml, "the value is not an integer (tagged !!int)")
            }
            return integer
        case "tag:yaml.org,2002:float":
            if let special = specialFloat(text) { throw YAMLScalarError(.invalidNumber, special) }
            if let integer = try integer(text), let double = integer.doubleValue { return .double(double) }
            guard let double = try float(text) else {
                throw YAMLScalarError(.yaml, "the value is not a number (tagged !!float)")
            }
            return .double(double)
        case let other?:
            throw YAMLScalarError(.yaml, "unsupported tag \(displayTag(other)) on a scalar; JSON cannot represent it")
        }
    }

    /// A plain scalar without a tag, by the core schema.
    static func resolvePlain(_ text: String) throws(YAMLScalarError) -> JSONValue {
        guard let first = text.utf8.first else { return .null }
        // Only text starting like a number or a keyword can be anything but a string.
        switch first {
        case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "~"):
            return isNull(text) ? .null : .string(text)
        case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
            return bool(text).map(JSONValue.bool) ?? .string(text)
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            if let special = specialFloat(text) { throw YAMLScalarError(.invalidNumber, special) }
            if let integer = try integer(text) { return integer }
            if let double = try float(text) { return .double(double) }
            return .string(text)
        default:
            return .string(text)
        }
    }

    static func isNull(_ text: String) -> Bool {
        text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    static func bool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": true
        case "false", "False", "FALSE": false
        default: nil
        }
    }

    /// An integer by the core schema, `nil` when the text is not one.
    ///
    /// A decimal beyond `Int64` becomes a double, like in JSON; an octal or hex integer beyond it is an error.
    static func integer(_ text: String) throws(YAMLScalarError) -> JSONValue? {
        let utf8 = Array(text.utf8)
        if utf8.count > 2 && utf8[0] == UInt8(ascii: "0")
            && (utf8[1] == UInt8(ascii: "o") || utf8[1] == UInt8(ascii: "x"))
        {
            let radix = utf8[1] == UInt8(ascii: "o") ? 8 : 16
            let digits = utf8[2...]
            guard digits.allSatisfy({ isDigit($0, radix: radix) }) else { return nil }
            guard let value = Int64(String(decoding: digits, as: UTF8.self), radix: radix) else {
                throw YAMLScalarError(.invalidNumber, "the integer is out of the 64-bit range (\(digits.count) digits)")
            }
            return .integer(value)
        }
        var digits = utf8[...]
        if let sign = digits.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.allSatisfy({ isDigit($0, radix: 10) }) else { return nil }
        if let value = Int64(text) { return .integer(value) }
        guard let double = Double(text), double.isFinite else {
            throw YAMLScalarError(.invalidNumber, "the number is out of range (\(digits.count) digits)")
        }
        return .double(double)
    }

    /// A float by the core schema, `nil` when the text is not one.
    static func float(_ text: String) throws(YAMLScalarError) -> Double? {
        var bytes = Array(text.utf8)[...]
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        let integerDigits = bytes.prefix { isDigit($0, radix: 10) }.count
        bytes = bytes.dropFirst(integerDigits)
        var fractionDigits = 0
        var hasPoint = false
        if bytes.first == UInt8(ascii: ".") {
            hasPoint = true
            bytes = bytes.dropFirst()
            fractionDigits = bytes.prefix { isDigit($0, radix: 10) }.count
            bytes = bytes.dropFirst(fractionDigits)
        }
        // `[0-9]+(\.[0-9]*)?` or `\.[0-9]+`
        guard integerDigits > 0 || (hasPoint && fractionDigits > 0) else { return nil }
        if let marker = bytes.first, marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
                bytes = bytes.dropFirst()
            }
            guard !bytes.isEmpty, bytes.allSatisfy({ isDigit($0, radix: 10) }) else { return nil }
        } else if !bytes.isEmpty {
            return nil
        }
        guard let double = Double(text) else { return nil }
        guard double.isFinite else { throw YAMLScalarError(.invalidNumber, "the number is out of the double range") }
        return double
    }

    /// The message for `.inf` or `.nan` spellings, `nil` for other text.
    static func specialFloat(_ text: String) -> String? {
        let body = text.hasPrefix("-") || text.hasPrefix("+") ? String(text.dropFirst()) : text
        switch body {
        case ".inf", ".Inf", ".INF":
            return "\(text) (infinity) cannot be represented in JSON"
        case ".nan" where body == text, ".NaN" where body == text, ".NAN" where body == text:
            return "\(text) (not a number) cannot be represented in JSON"
        default:
            return nil
        }
    }

    static func isDigit(_ byte: UInt8, radix: Int) -> Bool {
        switch radix {
        case 8: return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "7")
        case 16:
            return (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "f"))
        default: return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        }
    }

    /// `!!int` for a `tag:yaml.org,2002:` tag, the tag itself otherwise.
    static func displayTag(_ tag: String) -> String {
        let prefix = "tag:yaml.org,2002:"
        return tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
    }
}

/// Why a scalar cannot be read: a code and a message, located by the caller.
public struct YAMLScalarError: Error, Sendable {
    /// The error code the caller reports.
    public var code: JSONError.Code
    /// One sentence; a tag error names the tag, never the scalar's text.
    public var message: String

    /// An error with this code and message.
    public init(_ code: JSONError.Code, _ message: String) {
        self.code = code
        self.message = message
    }
}
