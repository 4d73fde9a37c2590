import BERSSchema
import Testing

/// Syntax errors: each rejected construct reports `regex.syntax`, a message and an offset.
struct RegexSyntaxTests {
    /// (pattern, offset, message fragment) rows that are invalid under the `u` flag.
    static let invalid: [(String, Int, String)] = [
        ("(", 0, "unterminated group"), ("a)", 1, "unmatched ')'"), ("[a", 0, "unterminated character class"),
        ("*a", 0, "nothing to repeat"), ("a**", 2, "nothing to repeat"), ("a{2,1}", 1, "numbers out of order"),
        ("{", 0, "lone quantifier bracket"), ("a{", 1, "incomplete quantifier"), ("}", 0, "lone quantifier"),
        ("]", 0, "lone quantifier bracket or unmatched ']'"), ("\\a", 0, "invalid escape"),
        ("\\", 0, "\\ at end of pattern"), ("\\1", 0, "invalid backreference"), ("(a)\\2", 3, "invalid backreference"),
        ("\\k<x>", 0, "undefined group name"), ("\\k", 0, "invalid named reference"),
        ("(?<a>x)(?<a>y)", 10, "duplicate capture group name"), ("(?<>x)", 3, "empty group name"),
        ("(?<1a>x)", 3, "invalid group name"), ("(?P<name>x)", 0, "invalid group"), ("(?#c)a", 0, "invalid group"),
        ("(?i)abc", 0, "modifiers"), ("(?i:abc)", 0, "modifiers"), ("[z-a]", 1, "range out of order"),
        ("[\\d-z]", 1, "invalid character class range"), ("\\p{Foo}", 0, "invalid property name 'Foo'"),
        ("\\p{L", 0, "invalid property name"), ("\\p{Script=Greek}", 0, "unsupported property"),
        ("\\p{gc=Foo}", 0, "invalid property value"), ("\\cA\\c1", 3, "invalid control escape"),
        ("\\x4", 0, "invalid escape \\x"), ("\\u12", 0, "invalid Unicode escape"),
        ("\\u{110000}", 0, "above U+10FFFF"), ("\\00", 0, "invalid decimal escape"),
        ("[\\1]", 1, "invalid class escape"),
        ("(?=a)*", 5, "nothing to repeat"), ("(?<=a)+", 6, "nothing to repeat"), ("^*", 1, "nothing to repeat"),
        ("\\b+", 2, "nothing to repeat"), ("[\\B]", 1, "invalid class escape"), ("a|*", 2, "nothing to repeat"),
    ]

    @Test(arguments: invalid)
    func rejectsInvalidSyntax(_ row: (String, Int, String)) {
        let error = #expect(throws: RegexError.self) { try ECMARegex(row.0) }
        #expect(error?.code == .syntax)
        #expect(error?.offset == row.1, "offset for /\(row.0)/: \(error?.message ?? "")")
        #expect(error?.message.contains(row.2) == true, "message for /\(row.0)/: \(error?.message ?? "")")
        #expect(error?.message.contains("/\(row.0)/") == true)
        #expect(throws: RegexError.syntax) { try ECMARegex.validateSyntax(row.0) }
    }

    static let valid = [
        "[]", "[^]", "\\cA", "(?<name>x)", "(?<n>a)\\k<n>", "(?<=a+)b", "\\k<later>(?<later>x)", "a{,", "[{}]",
        "\\u{10FFFF}", "\\p{Lu}", "\\P{Nd}", "[\\-]", "\\/", "(?:)", "|", "a{1,}?", "\\0", "[\\0]", "(?<$x_é>.)",
        "(?<\\u0061>.)\\k<a>", "\\p{Script_Extensions}",
    ]

    @Test(arguments: valid)
    func acceptsValidSyntax(_ pattern: String) throws {
        if pattern == "a{," || pattern == "\\p{Script_Extensions}" {
            // `{` not forming a quantifier is an error with the u flag; unknown lone properties too.
            #expect(throws: RegexError.syntax) { try ECMARegex(pattern) }
            return
        }
        _ = try ECMARegex(pattern)
        try ECMARegex.validateSyntax(pattern)
    }

    @Test func errorsCompareByCodeAndDescribeThemselves() {
        let error = RegexError(.syntax, "bad", offset: 3)
        #expect(error == RegexError.syntax)
        #expect(error != RegexError.stepLimitExceeded)
        #expect(error.description == "bad")
        #expect(RegexError.Code.syntax.description == "regex.syntax")
        #expect(RegexError.Code.stepLimitExceeded.rawValue == "regex.step-limit")
        #expect(RegexError.Code.tooLarge.rawValue == "regex.too-large")
    }

    @Test func hugeCountedRepetitionIsAClearError() {
        let error = #expect(throws: RegexError.self) { try ECMARegex("a{1000000}") }
        #expect(error?.code == .tooLarge)
        #expect(error?.message.contains("too large") == true)
        #expect(throws: RegexError.tooLarge) { try ECMARegex("(a{1000}){1000}") }
        #expect(throws: RegexError.tooLarge) { try ECMARegex("a{99999999999999999999}") }
        // The syntax alone is valid, which is what the `regex` format checks.
        #expect(throws: Never.self) { try ECMARegex.validateSyntax("a{1000000}") }
    }

    @Test func deepNestingIsASyntaxErrorNotACrash() throws {
        let deep = String(repeating: "(", count: 100_000) + "a" + String(repeating: ")", count: 100_000)
        let error = #expect(throws: RegexError.self) { try ECMARegex(deep) }
        #expect(error?.code == .syntax)
        #expect(error?.offset == 256)
        #expect(error?.message.contains("nested more than 256 deep") == true)
        let fine = String(repeating: "(?:", count: 200) + "a" + String(repeating: ")", count: 200)
        #expect(try ECMARegex(fine).matches("a"))
    }
}
