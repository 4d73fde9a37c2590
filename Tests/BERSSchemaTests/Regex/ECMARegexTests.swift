import BERSSchema
import Testing

/// Matching behaviour of ``ECMARegex`` feature by feature.
struct ECMARegexTests {
    /// (pattern, input, expected) rows.
    static let cases: [(String, String, Bool)] = [
        // Literals, search, anchors.
        ("abc", "xxabcxx", true), ("abc", "ab", false), ("^abc$", "abc", true), ("^abc$", "abc\n", false),
        ("^abc", "xabc", false), ("abc$", "abcx", false), ("", "", true), ("", "anything", true),
        ("^$", "", true), ("^$", "a", false), ("a|^b", "cb", false), ("a|^b", "bc", true),
        // Alternation and groups.
        ("^(cat|dog)s?$", "dogs", true), ("^(cat|dog)s?$", "cow", false), ("^(?:ab)+$", "ababab", true),
        ("^(?:ab)+$", "aba", false), ("^(?<word>[a-z]+)$", "hello", true),
        // Quantifiers.
        ("^a*$", "", true), ("^a+$", "", false), ("^a?b$", "b", true), ("^a{3}$", "aaa", true),
        ("^a{3}$", "aaaa", false), ("^a{2,}$", "aaaaa", true), ("^a{2,}$", "a", false), ("^a{2,3}$", "aaa", true),
        ("^a{2,3}$", "aaaa", false), ("^a{0}$", "", true), ("^a*?b$", "aab", true), ("^a{1,2}?$", "aa", true),
        ("^(a|ab)(c|bcd)(d*)$", "abcd", true),
        // Classes.
        ("^[a-z]+$", "hello", true), ("^[a-z]+$", "Hello", false), ("^[^a-z]+$", "ABC1", true),
        ("^[A-Za-z-]+$", "Content-Type", true), ("^[\\d.]+$", "1.2.3", true), ("^[\\w-]+$", "a_b-c", true),
        ("^[\\s]$", "\u{2029}", true), ("[]", "a", false), ("^[^]$", "\n", true), ("^[\\-a]$", "-", true),
        ("^[a\\]]+$", "]a", true), ("^[\\b]$", "\u{8}", true), ("^[+/=]$", "/", true),
        // Dot and line terminators.
        ("^.$", "a", true), ("^.$", "\n", false), ("^.$", "\r", false), ("^.$", "\u{2028}", false),
        ("^.$", "\u{2029}", false), ("^.$", "🐲", true), ("^..$", "🐲", false),
        // Escapes.
        ("^\\d+$", "0123", true), ("^\\d$", "٣", false), ("^\\D$", "٣", true), ("^\\w$", "é", false),
        ("^\\W$", "é", true), ("^\\s$", "\u{FEFF}", true), ("^\\s$", "\u{3000}", true), ("^\\S$", "\u{2013}", true),
        ("^\\t\\n\\v\\f\\r$", "\t\n\u{B}\u{C}\r", true), ("^\\0$", "\0", true), ("^\\cJ$", "\n", true),
        ("^\\x41$", "A", true), ("^\\u0041$", "A", true), ("^\\u{1F432}$", "🐲", true),
        ("^\\uD83D\\uDC32$", "🐲", true), ("^\\.$", ".", true), ("^\\/$", "/", true), ("^\\$$", "$", true),
        // Word boundaries.
        ("\\bfoo\\b", "a foo b", true), ("\\bfoo\\b", "afoo", false), ("\\Bfoo", "afoo", true),
        ("\\Bfoo", "foo", false), ("^\\b$", "", false), ("^\\B$", "", true), ("o\\b", "foo", true),
        // Non-BMP.
        ("^🐲*$", "🐲🐲", true), ("^🐲*$", "🐉", false), ("^[🐲🐉]$", "🐉", true), ("^[😀-🙏]$", "😃", true),
        // Backreferences.
        ("^(a+)b\\1$", "aabaa", true), ("^(a+)b\\1$", "aaba", false), ("^(?<q>['\"]).*\\k<q>$", "'x'", true),
        ("^(?<q>['\"]).*\\k<q>$", "'x\"", false), ("^\\1(a)$", "a", true), ("^(a)|\\1b$", "b", true),
        ("^(?:(a)|b)\\1$", "b", true), ("^(?:(a)|b)+\\1$", "abb", true), ("^(?:(a)|b)+\\1$", "aba", false),
        ("(z)((a+)?(b+)?(c))*\\3", "zaacbbbcac", true),
        // Lookaround.
        ("^(?=.*\\d)[a-z\\d]+$", "abc1", true), ("^(?=.*\\d)[a-z\\d]+$", "abc", false),
        ("^(?!foo)\\w+$", "foobar", false), ("^(?!foo)\\w+$", "barfoo", true), ("(?<=\\$)\\d+", "$42", true),
        ("(?<=\\$)\\d+", "42", false), ("(?<!\\$)\\b\\d+", "$42", false), ("(?<!\\$)\\b\\d+", "x 42", true),
        ("(?<=a+)b", "aab", true), ("(?<=(\\d+)(\\d+))$", "1053", true), ("^(?=(a+))a*b\\1$", "aaab", false),
        ("(?<=\\1(a))b", "aab", true),
        // Property escapes.
        ("^\\p{L}+$", "héllo", true), ("^\\p{L}+$", "h3llo", false), ("^\\p{Lu}$", "É", true),
        ("^\\p{Letter}$", "ж", true), ("^\\p{digit}+$", "৪২", true), ("^\\p{Nd}$", "x", false),
        ("^\\P{L}$", "1", true), ("^\\p{General_Category=Lu}$", "A", true), ("^\\p{gc=Ll}$", "A", false),
        ("^\\p{Alphabetic}$", "ß", true), ("^\\p{White_Space}$", " ", true), ("^\\p{ASCII}+$", "abc", true),
        ("^\\p{ASCII}$", "é", false), ("^\\p{Any}$", "🐲", true), ("^\\p{Emoji}$", "🐲", true),
        ("^[\\p{L}\\d]+$", "é9", true), ("^[^\\p{L}]$", "é", false), ("^\\p{Assigned}$", "\u{378}", false),
        ("^\\p{LC}$", "a", true), ("^\\p{Cased_Letter}$", "ª", false),
    ]

    @Test(arguments: cases)
    func matchesLikeECMAScript(_ row: (String, String, Bool)) throws {
        let regex = try ECMARegex(row.0)
        #expect(try regex.matches(row.1) == row.2, "/\(row.0)/ on \(row.1.debugDescription)")
    }

    @Test func realSchemaPatternsUseTheLinearEngine() throws {
        for pattern in ["^https://", "^[A-Za-z-]+$", #"^\d+\.\d+\.\d+(-[a-zA-Z0-9]+)?$"#, "^[A-Za-z0-9+/]+=*$", "^/"] {
            let regex = try ECMARegex(pattern)
            #expect(!regex.usesBacktracking)
        }
        #expect(try ECMARegex(#"(a)\1"#).usesBacktracking)
        #expect(try ECMARegex("(?=a)").usesBacktracking)
    }

    @Test func semverPattern() throws {
        let regex = try ECMARegex(#"^\d+\.\d+\.\d+(-[a-zA-Z0-9]+)?$"#)
        #expect(try regex.matches("1.22.333"))
        #expect(try regex.matches("1.22.333-rc1"))
        #expect(try !regex.matches("1.22.333-"))
        #expect(try !regex.matches("1.22"))
        #expect(try !regex.matches("1.22.333-rc.1"))
    }

    @Test func nonUnicodeModeMatchesCodeUnits() throws {
        let options = ECMARegex.Options(unicode: false)
        #expect(try ECMARegex("^.$", options: options).matches("🐲") == false)
        #expect(try ECMARegex("^..$", options: options).matches("🐲"))
        #expect(try ECMARegex("^\\uD83D\\uDC32$", options: options).matches("🐲"))
        #expect(try ECMARegex("^\\a$", options: options).matches("a"))
        #expect(try ECMARegex("^a{$", options: options).matches("a{"))
        #expect(try ECMARegex("^\\p{L}$", options: options).matches("p{L}"))
        #expect(try ECMARegex("^[\\w-.]+$", options: options).matches("a-."))
        #expect(try ECMARegex("^\\101$", options: options).matches("A"))
        #expect(try ECMARegex("^\\c1$", options: options).matches("\\c1"))
        #expect(try ECMARegex("^\\8$", options: options).matches("8"))
    }

    @Test func optionsDefaultIsUnicode() {
        #expect(ECMARegex.Options.default.unicode)
        #expect(ECMARegex.Options.default.stepLimit == 1_000_000)
    }
}
