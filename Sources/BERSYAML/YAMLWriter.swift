import BERSJSON

/// Writes a ``JSONValue`` as block-style YAML that reads back (through ``YAMLReader``) as the
/// same value: strings that YAML would take for another type (`true`, `null`, `012`, `1e3`, `yes`)
/// or that hold special characters are double-quoted.
///
/// ```swift
/// YAMLWriter().string(["api": ["timeout": 1000, "hosts": ["a", "b"]]])
/// // api:
/// //   timeout: 1000
/// //   hosts:
/// //     - a
/// //     - b
/// ```
public struct YAMLWriter: Sendable {
    /// Spaces per nesting level.
    public var indent: Int

    /// A writer indenting by `indent` spaces.
    public init(indent: Int = 2) {
        self.indent = max(1, indent)
    }

    /// The YAML text of `value`, ending with a newline.
    public func string(_ value: JSONValue) -> String {
        var output = ""
        switch value {
        case .object(let object) where !object.isEmpty:
            writeObject(object, level: 0, into: &output)
        case .array(let array) where !array.isEmpty:
            writeArray(array, level: 0, into: &output)
        default:
            output += scalar(value) + "\n"
        }
        return output
    }

    private func pad(_ level: Int) -> String { String(repeating: " ", count: level * indent) }

    private func writeObject(_ object: JSONObject, level: Int, into output: inout String) {
        for (key, value) in object {
            output += pad(level) + Self.quoted(key) + ":"
            writeValue(value, level: level, into: &output)
        }
    }

    private func writeArray(_ array: [JSONValue], level: Int, into output: inout String) {
        for element in array {
            output += pad(level) + "-"
            switch element {
            case .object(let object) where !object.isEmpty:
                // The first member shares the dash's line; the rest align under it.
                var nested = ""
                writeObject(object, level: level + 1, into: &nested)
                output += " " + nested.dropFirst((level + 1) * indent)
            case .array(let inner) where !inner.isEmpty:
                output += "\n"
                writeArray(inner, level: level + 1, into: &output)
            default:
                output += " " + scalar(element) + "\n"
            }
        }
    }

    private func writeValue(_ value: JSONValue, level: Int, into output: inout String) {
        switch value {
        case .object(let object) where !object.isEmpty:
            output += "\n"
            writeObject(object, level: level + 1, into: &output)
        case .array(let array) where !array.isEmpty:
            output += "\n"
            writeArray(array, level: level + 1, into: &output)
        default:
            output += " " + scalar(value) + "\n"
        }
    }

    private func scalar(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let bool): bool ? "true" : "false"
        case .integer(let integer): String(integer)
        case .double(let double):
            double.isFinite ? "\(double)" : (double.isNaN ? ".nan" : (double < 0 ? "-.inf" : ".inf"))
        case .string(let string): Self.quoted(string)
        case .array: "[]"
        case .object: "{}"
        }
    }

    /// `text` as a plain scalar when that reads back as the same string, else double-quoted.
    static func quoted(_ text: String) -> String {
        isPlainSafe(text) ? text : doubleQuoted(text)
    }

    private static let reserved: Set<String> = [
        "", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
        "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N",
        ".inf", ".Inf", ".INF", "-.inf", "+.inf", ".nan", ".NaN", ".NAN",
    ]

    static func isPlainSafe(_ text: String) -> Bool {
        guard !reserved.contains(text), let first = text.unicodeScalars.first, let last = text.unicodeScalars.last
        else {
            return false
        }
        if first == " " || last == " " || "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        if text.contains(": ") || text.contains(" #") || text.hasSuffix(":") { return false }
        if text.unicodeScalars.contains(where: {
            $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{FEFF}"
        }) {
            return false
        }
        // Anything that looks like a number, date or special float is quoted.
        let numberish = text.unicodeScalars.allSatisfy {
            "0123456789+-.eExXoObBabcdefABCDEF_:".unicodeScalars.contains($0)
        }
        if numberish, text.unicodeScalars.contains(where: { ("0"..."9").contains($0) }) || text.hasPrefix(".") {
            return false
        }
        return true
    }

    static func doubleQuoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\t": output += "\\t"
            case "\r": output += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{2028}" || scalar == "\u{2029}"
                    || scalar == "\u{FEFF}"
                {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    output += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }
}
