import BERSJSON

/// How values appear in failure messages: JSON, cut short when long.
enum Messages {
    static let maximumLength = 80

    /// `"text"`, `42`, `2.5`, `true`, `null`, or compact JSON for arrays and objects, shortened
    /// with `…` past ``maximumLength`` characters.
    static func render(_ value: JSONValue) -> String {
        let text: String
        switch value {
        case .null: text = "null"
        case .bool(let flag): text = flag ? "true" : "false"
        case .integer(let integer): text = String(integer)
        case .double(let double): text = render(double)
        case .string(let string): text = quoted(string)
        case .array(let elements):
            text = elements.isEmpty ? "[]" : (value.jsonText.isEmpty ? "an array" : value.jsonText)
        case .object(let object):
            text = object.isEmpty ? "{}" : (value.jsonText.isEmpty ? "an object" : value.jsonText)
        }
        return shortened(text)
    }

    /// A double as JSON writes it: `1000`, `2.5`, `1e+300`.
    static func render(_ double: Double) -> String {
        if double.rounded() == double, abs(double) < 1e15 { return String(Int64(double)) }
        return String(double)
    }

    /// A string as JSON writes it: in double quotes, with JSON escapes.
    static func quoted(_ string: String) -> String { JSONValue.string(string).jsonText }

    static func shortened(_ text: String) -> String {
        guard text.count > maximumLength else { return text }
        return String(text.prefix(maximumLength - 1)) + "…"
    }

    /// `1 item`, `3 items`.
    static func count(_ number: Int, _ singular: String, _ plural: String) -> String {
        "\(number) \(number == 1 ? singular : plural)"
    }

    /// `"a", "b" or "c"` for type names.
    static func alternatives(_ names: [String]) -> String {
        let quotedNames = names.map { "\"\($0)\"" }
        guard quotedNames.count > 1, let last = quotedNames.last else { return quotedNames.first ?? "" }
        return quotedNames.dropLast().joined(separator: ", ") + " or " + last
    }
}
