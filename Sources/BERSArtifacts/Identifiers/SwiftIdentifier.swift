/// Swift identifiers for configuration keys, escaped or renamed deterministically.
///
/// The rules, applied in order to a key:
/// 1. every run of characters other than ASCII letters, digits and `_` becomes one `_`
///    (`Content-Type` → `Content_Type`, `café` → `caf_`);
/// 2. a leading digit gets a `_` in front (`2fa` → `_2fa`); an empty result is `_`;
/// 3. names Swift cannot declare or reach as members, and names the generated code relies on
///    (`self`, `Self`, `init`, `deinit`, `subscript`, `super`, `Type`, `Protocol`, `Any`, `_`,
///    `Swift`, the root type's name; at the root also `Environment`, `environment`, `BuildInfo`,
///    `URLError`, `Value`, `Member`) get a `_` appended (`Type` → `Type_`);
/// 4. a name already taken in the same scope gets `_2`, `_3`, … appended, in key order;
/// 5. other keywords are kept and written in backticks (`` `default` ``).
///
/// A renamed key's original text is written in the declaration's doc comment.
public struct SwiftIdentifier: Sendable, Hashable {
    /// The identifier, without backticks.
    public let name: String
    /// Whether declarations and references need backticks (a keyword).
    public let isKeyword: Bool

    /// The identifier as written in code, with backticks when needed.
    public var code: String { isKeyword ? "`\(name)`" : name }

    /// Whether `text` is an ASCII identifier: a letter or `_`, then letters, digits and `_`.
    public static func isPlain(_ text: String) -> Bool {
        guard let first = text.utf8.first, isHead(first) else { return false }
        return text.utf8.allSatisfy(isBody)
    }

    /// Names never used as is, at any level.
    static let reservedEverywhere: Set<String> = [
        "self", "Self", "init", "deinit", "subscript", "super", "Type", "Protocol", "Any", "_", "Swift",
    ]

    /// Keywords that need backticks to be declared.
    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows",
        "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default",
        "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch",
        "where", "while", "as", "false", "is", "nil", "super", "throws", "true", "try", "await", "Any", "self",
        "Self", "package", "some", "any",
    ]

    /// The base name of `key` (rules 1 and 2), before reservations and deduplication.
    static func baseName(of key: String) -> String {
        var name = ""
        var pendingUnderscore = false
        for byte in key.utf8 {
            if isBody(byte) {
                if pendingUnderscore { name.append("_") }
                pendingUnderscore = false
                name.unicodeScalars.append(Unicode.Scalar(byte))
            } else if (byte & 0xC0) != 0x80 {
                // One `_` per run of other characters (continuation bytes of UTF-8 are skipped).
                pendingUnderscore = true
            }
        }
        if pendingUnderscore { name.append("_") }
        if name.isEmpty { return "_" }
        if let first = name.utf8.first, !isHead(first) { name = "_" + name }
        return name
    }

    init(name: String) {
        self.name = name
        self.isKeyword = Self.keywords.contains(name)
    }

    private static func isHead(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_")
    }

    private static func isBody(_ byte: UInt8) -> Bool {
        isHead(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}
