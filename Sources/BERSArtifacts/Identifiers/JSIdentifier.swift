/// JavaScript names: which texts can be identifiers, and how keys are written as properties.
///
/// Object keys never need renaming in JavaScript: a key that is not an identifier is written as a
/// quoted property name (`"Content-Type": …`). Names that must be identifiers (the exported
/// object, function arguments, esbuild define names) are checked and refused with
/// `build.invalid-identifier` when they are not.
public enum JSIdentifier {
    /// Whether `text` can name a variable or parameter: ASCII letters, digits, `_` and `$`, not
    /// starting with a digit, and not a reserved word.
    public static func isValid(_ text: String) -> Bool {
        isIdentifierShaped(text) && !reservedWords.contains(text)
    }

    /// Whether `text` can be written as a bare property name (reserved words can).
    static func isIdentifierShaped(_ text: String) -> Bool {
        guard let first = text.utf8.first, isHead(first) else { return false }
        return text.utf8.allSatisfy { isHead($0) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) }
    }

    /// Whether esbuild can define `text`: an identifier or a dotted chain of them
    /// (`process.env.NODE_ENV`, `import.meta.env.MODE`).
    public static func isDefineName(_ text: String) -> Bool {
        let segments = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard segments.allSatisfy(isIdentifierShaped), let first = segments.first else { return false }
        if first == "import" { return segments.count > 2 && segments[1] == "meta" }
        return !reservedWords.contains(first)
    }

    /// `key` as a property name in an object literal: bare when identifier-shaped, else quoted.
    static func propertyKey(_ key: String) -> String {
        isIdentifierShaped(key) ? key : JSLiteral.string(key)
    }

    static let reservedWords: Set<String> = [
        "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else",
        "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof",
        "new", "null", "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void",
        "while", "with", "yield", "let", "static", "implements", "interface", "package", "private", "protected",
        "public", "await", "arguments", "eval", "undefined", "NaN", "Infinity",
    ]

    private static func isHead(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$")
    }
}
