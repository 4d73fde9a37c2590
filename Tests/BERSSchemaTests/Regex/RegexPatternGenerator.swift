import BERSTestSupport

/// Generates regular expressions in the syntax ECMA-262 (with and without the `u` flag) and ICU
/// (`NSRegularExpression`) both read the same way, and subjects to search with them.
///
/// Generated: literals (ASCII and non-ASCII, astral included), escaped syntax characters,
/// `\t \n \r \xHH \uHHHH`, `.`, classes and negated classes (single characters, ranges, escaped
/// `\] \[ \- \\ \^`, and `\d \w \s` and their negations as members), `\d \D \w \W \s \S`,
/// `^ $ \b \B`, capturing, non-capturing and named groups, alternation (empty alternatives
/// included), lookahead `(?= )` `(?! )`, lookbehind `(?<= )` `(?<! )` over a fixed-length body,
/// and the quantifiers `* + ? {n} {n,} {n,m}` with their lazy forms.
///
/// Left out, because the two dialects read it differently or only one has it:
/// - backreferences `\1 \k<name>`: ECMA-262 matches a group that did not take part as the empty
///   string, ICU fails the match;
/// - `\u{…}` (ICU spells it `\x{…}`), `\p{…}` (different property names and aliases), `\cX` and
///   `\0` (ICU reads `\0ooo` as octal);
/// - unescaped `[`, `&&` and `-` inside classes (ICU nests sets and has set operations), the
///   empty class `[]` and `[^]` (ICU rejects them);
/// - lookbehind over a variable-length body (ICU needs a bounded length; ECMA-262 has none);
/// - flags and modifiers (`(?i)`, possessive `*+`, atomic groups): not ECMA-262, or not in the
///   `u` grammar;
/// - lazy unbounded quantifiers (`*? +? {n,}?`) on groups, because of an ICU bug: over a group
///   that can match the empty string, ICU's search misses matches that do not start at the first
///   position (`(?:|7)*?.x` finds nothing in `"abx"`; ECMA-262 and anchored ICU matching at
///   offset 1 both find `"bx"`), and takes seconds on ten-character subjects (`(?:)*?\d(?<g1>)?[\-A]`).
///   They are generated on single characters.
///
/// Quantifiers nest at most two deep and groups three deep, so ICU's backtracking stays fast.
///
/// Subjects are drawn from characters both classify alike (see ``subjectCharacters``).
struct RegexPatternGenerator {
    /// The source of randomness.
    var random: SplitMix64
    /// The number of named groups so far, for unique names.
    private var names = 0
    /// Literal characters of the current pattern, so subjects often contain them.
    private(set) var literals: [String] = []

    /// A generator drawing from `random`.
    init(random: SplitMix64) {
        self.random = random
    }

    /// A new pattern of up to three levels of groups.
    mutating func pattern() -> String {
        names = 0
        literals = []
        return disjunction(depth: 0)
    }

    // MARK: - Structure
    //
    // `depth` counts enclosing groups (at most three), `loops` enclosing quantifiers (at most
    // two), which keeps ICU's backtracking fast on ten-character subjects.

    private mutating func disjunction(depth: Int, loops: Int = 0) -> String {
        let count = random.chance(1, in: 4) ? 2 + random.below(2) : 1
        return (0..<count).map { _ in alternative(depth: depth, loops: loops) }.joined(separator: "|")
    }

    private mutating func alternative(depth: Int, loops: Int) -> String {
        if random.chance(1, in: 15) { return "" }
        return (0..<1 + random.below(4)).map { _ in term(depth: depth, loops: loops) }.joined()
    }

    private mutating func term(depth: Int, loops: Int) -> String {
        switch random.below(14) {
        case 0: return random.pick(["^", "$", "\\b", "\\B"])
        case 1 where depth < 3: return lookaround(depth: depth, loops: loops)
        default:
            let quantified = loops < 2 && random.chance(1, in: 3)
            let body = atom(depth: depth, loops: loops + (quantified ? 1 : 0))
            return quantified ? body + quantifier(onGroup: body.hasPrefix("(")) : body
        }
    }

    private mutating func atom(depth: Int, loops: Int) -> String {
        switch random.below(12) {
        case 0, 1, 2, 3: return literal()
        case 4: return escape()
        case 5: return "."
        case 6: return random.pick(["\\d", "\\D", "\\w", "\\W", "\\s", "\\S"])
        case 7, 8: return characterClass()
        default:
            guard depth < 3 else { return literal() }
            return group(depth: depth, loops: loops)
        }
    }

    private mutating func group(depth: Int, loops: Int) -> String {
        let body = disjunction(depth: depth + 1, loops: loops)
        switch random.below(3) {
        case 0: return "(" + body + ")"
        case 1: return "(?:" + body + ")"
        default:
            names += 1
            return "(?<g\(names)>" + body + ")"
        }
    }

    /// A lookahead over any body, or a lookbehind over one to three unquantified atoms.
    private mutating func lookaround(depth: Int, loops: Int) -> String {
        let negated = random.chance(1, in: 2)
        if random.chance(1, in: 2) {
            return (negated ? "(?!" : "(?=") + disjunction(depth: depth + 1, loops: loops) + ")"
        }
        var body = ""
        for _ in 0..<1 + random.below(3) {
            body += random.chance(3, in: 4) ? literal() : random.pick([".", "\\d", "\\w", "[a-c]", "[^x]"])
        }
        return (negated ? "(?<!" : "(?<=") + body + ")"
    }

    /// `* + ? {n} {n,} {n,m}`, lazy a third of the time; never lazy and unbounded on a group
    /// (ICU mishandles that, see the type's comment).
    private mutating func quantifier(onGroup: Bool) -> String {
        let low = random.below(3)
        let base: String
        let unbounded: Bool
        switch random.below(6) {
        case 0: (base, unbounded) = ("*", true)
        case 1: (base, unbounded) = ("+", true)
        case 2: (base, unbounded) = ("?", false)
        case 3: (base, unbounded) = ("{\(low)}", false)
        case 4: (base, unbounded) = ("{\(low),}", true)
        default: (base, unbounded) = ("{\(low),\(low + random.below(3))}", false)
        }
        let lazy = random.chance(1, in: 3) && !(onGroup && unbounded)
        return base + (lazy ? "?" : "")
    }

    // MARK: - Characters

    /// Characters written as themselves in patterns (and found in subjects).
    static let literalCharacters = ["a", "b", "c", "x", "A", "0", "7", "_", " ", "-", ",", "€", "—", "😀", "\u{A0}"]

    /// Characters subjects are made of.
    ///
    /// ASCII letters, digits and punctuation, and non-ASCII characters that are neither letters,
    /// marks nor digits (so `\w` and `\d`, ASCII-only in ECMA-262 and Unicode-aware in ICU, agree
    /// on them), two spaces both count as `\s`, and an astral symbol. No `\v`, `\f`, U+0085 or
    /// U+FEFF: ICU's `.` and `\s` differ from ECMA-262's on them. `\n` is added only for patterns
    /// without `$`, since ICU's `$` also matches before a final line terminator (see
    /// ``subject(for:)``).
    static let subjectCharacters = [
        "a", "b", "c", "x", "y", "A", "Z", "0", "7", "9", "_", " ", "-", ".", ",", "(", "[", "\\", "\t",
        "€", "—", "©", "😀", "🐲", "\u{A0}", "\u{3000}",
    ]

    /// An escaped syntax character or a character escape, and the character it stands for.
    static let escapes: [(String, String)] = [
        ("\\.", "."), ("\\*", "*"), ("\\+", "+"), ("\\?", "?"), ("\\(", "("), ("\\)", ")"), ("\\[", "["),
        ("\\]", "]"), ("\\{", "{"), ("\\}", "}"), ("\\|", "|"), ("\\^", "^"), ("\\$", "$"), ("\\\\", "\\"),
        ("\\/", "/"), ("\\t", "\t"), ("\\x41", "A"), ("\\x2d", "-"), ("\\u20AC", "€"), ("\\u0061", "a"),
    ]

    private mutating func literal() -> String {
        let character = random.pick(Self.literalCharacters)
        literals.append(character)
        return character
    }

    private mutating func escape() -> String {
        let (text, character) = random.pick(Self.escapes)
        literals.append(character)
        return text
    }

    /// `[…]` or `[^…]` with one to four members.
    private mutating func characterClass() -> String {
        var members = ""
        for _ in 0..<1 + random.below(4) {
            switch random.below(6) {
            case 0, 1: members += literal().replacingOccurrences(of: "-", with: "\\-")
            case 2: members += random.pick(["a-c", "0-5", "A-Z", "x-z", "€-€", " -/", "😀-🙏", "\u{A0}-\u{3000}"])
            case 3: members += random.pick(["\\d", "\\w", "\\s", "\\D", "\\W", "\\S"])
            case 4: members += random.pick(["\\]", "\\[", "\\-", "\\\\", "\\^", "\\."])
            default: members += escape()
            }
        }
        return (random.chance(1, in: 3) ? "[^" : "[") + members + "]"
    }

    /// A subject of up to ten characters, about half of them from the pattern's literals.
    mutating func subject(for pattern: String) -> String {
        var pool = Self.subjectCharacters + literals
        if !pattern.contains("$") { pool.append("\n") }
        return (0..<random.below(11)).map { _ in random.pick(pool) }.joined()
    }
}

extension String {
    /// This text with every `target` replaced by `replacement` (without Foundation).
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
