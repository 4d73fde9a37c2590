/// Finds whether YAML text has comments, which rewriting a YAML layer does not keep.
///
/// A `#` starts a comment at the start of a line or after a space or tab, outside quoted
/// scalars and block scalars (`|`, `>`). The scan is line by line, so a `#` inside a quoted
/// scalar spanning lines may be taken for a comment: the notice is then given needlessly, never
/// missed.
enum YAMLCommentScanner {
    /// Whether `bytes` (UTF-8 YAML) has a comment.
    static func hasComments(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        var blockIndent: Int?
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let indent = line.prefix { $0 == " " }.count
            let content = line.drop { $0 == " " || $0 == "\t" }
            if let block = blockIndent {
                if content.isEmpty || indent > block { continue }
                blockIndent = nil
            }
            guard let code = codePart(of: content) else { return true }
            if opensBlockScalar(code) { blockIndent = indent }
        }
        return false
    }

    /// The line without its comment, or `nil` when it has one.
    private static func codePart(of line: Substring) -> Substring? {
        var quote: Character?
        var previous: Character = " "
        var escaped = false
        for index in line.indices {
            let character = line[index]
            defer { previous = character }
            if let open = quote {
                if open == "\"" && !escaped && character == "\\" {
                    escaped = true
                    continue
                }
                if character == open && !escaped { quote = nil }
                escaped = false
                continue
            }
            if character == "#" && (previous == " " || previous == "\t") { return nil }
            if (character == "\"" || character == "'") && " \t:-[{,".contains(previous) { quote = character }
        }
        return line
    }

    /// Whether the line ends with a block scalar indicator (`key: |`, `- >-`, `|2`).
    private static func opensBlockScalar(_ line: Substring) -> Bool {
        let trimmed = line.reversed().drop { $0 == " " || $0 == "\t" }
        let token = String(trimmed.prefix { $0 != " " }.reversed())
        guard let first = token.first, first == "|" || first == ">" else { return false }
        guard token.dropFirst().allSatisfy({ "+-0123456789".contains($0) }) else { return false }
        let before = trimmed.dropFirst(token.count).first
        return before == nil || before == " "
    }
}
