/// Parses ECMA-262 pattern text into a ``RegexNode`` tree.
///
/// With `unicode` (the `u` flag, JSON Schema's default) the strict grammar applies: identity
/// escapes only for syntax characters and `/`, no lone `{ } ]`, `\p{…}` property escapes, and the
/// pattern is read as code points. Without it, the Annex B (web-compatibility) grammar applies and
/// the pattern is read as UTF-16 code units.
struct RegexParser {
    /// The parse result.
    struct Result {
        var node: RegexNode
        var captureCount: Int
    }

    let source: [UInt32]
    let unicode: Bool
    let patternText: String
    var position = 0
    var capturesSeen = 0
    let totalCaptures: Int
    let hasNamedGroups: Bool
    var names: [String: Int] = [:]
    /// Named references seen, resolved after the whole pattern is read.
    var pendingNames: [(name: String, offset: Int)] = []
    /// How many groups enclose the current position (bounded, so recursion stays shallow).
    var depth = 0
    /// The deepest group nesting accepted.
    static let maxDepth = 256

    /// Parses `pattern`.
    static func parse(_ pattern: String, unicode: Bool) throws(RegexError) -> Result {
        let source: [UInt32] = unicode ? pattern.unicodeScalars.map(\.value) : pattern.utf16.map { UInt32($0) }
        var parser = RegexParser(source: source, unicode: unicode, patternText: pattern)
        let node = try parser.parseDisjunction()
        if parser.position < source.count {
            throw parser.error("unmatched ')'", at: parser.position)
        }
        let resolved = try parser.resolveNames(node)
        return Result(node: resolved, captureCount: parser.capturesSeen)
    }

    private init(source: [UInt32], unicode: Bool, patternText: String) {
        self.source = source
        self.unicode = unicode
        self.patternText = patternText
        (totalCaptures, hasNamedGroups) = RegexParser.prescan(source)
    }

    // MARK: - Helpers

    func error(_ problem: String, at offset: Int) -> RegexError {
        RegexError(.syntax, "\(problem) at offset \(offset) in /\(patternText)/", offset: offset)
    }

    var atEnd: Bool { position >= source.count }

    func peek(_ ahead: Int = 0) -> UInt32? {
        let index = position + ahead
        return index < source.count ? source[index] : nil
    }

    func peekIs(_ character: Unicode.Scalar, _ ahead: Int = 0) -> Bool {
        peek(ahead) == character.value
    }

    /// Counts capturing groups and notes named groups before parsing, as ECMA-262 requires for
    /// deciding what `\N` and `\k` mean.
    private static func prescan(_ source: [UInt32]) -> (Int, Bool) {
        var count = 0
        var named = false
        var index = 0
        var inClass = false
        while index < source.count {
            let unit = source[index]
            if unit == 0x5C {  // backslash
                index += 2
                continue
            }
            if inClass {
                if unit == 0x5D { inClass = false }
            } else if unit == 0x5B {
                inClass = true
            } else if unit == 0x28 {  // (
                if index + 1 < source.count, source[index + 1] == 0x3F {  // ?
                    if index + 3 < source.count, source[index + 2] == 0x3C,
                        source[index + 3] != 0x3D, source[index + 3] != 0x21
                    {
                        count += 1
                        named = true
                    }
                } else {
                    count += 1
                }
            }
            index += 1
        }
        return (count, named)
    }

    // MARK: - Disjunction, alternative, term

    mutating func parseDisjunction() throws(RegexError) -> RegexNode {
        var alternatives = [try parseAlternative()]
        while peekIs("|") {
            position += 1
            alternatives.append(try parseAlternative())
        }
        return alternatives.count == 1 ? alternatives[0] : .alternation(alternatives)
    }

    mutating func parseAlternative() throws(RegexError) -> RegexNode {
        var items: [RegexNode] = []
        while let next = peek(), next != 0x7C, next != 0x29 {
            items.append(try parseTerm())
        }
        switch items.count {
        case 0: return .empty
        case 1: return items[0]
        default: return .concat(items)
        }
    }

    mutating func parseTerm() throws(RegexError) -> RegexNode {
        let start = position
        guard let character = peek() else { return .empty }
        var atom: RegexNode
        var quantifiable = true
        switch character {
        case 0x5E:  // ^
            position += 1
            atom = .assertion(.start)
            quantifiable = false
        case 0x24:  // $
            position += 1
            atom = .assertion(.end)
            quantifiable = false
        case 0x5C where peekIs("b", 1) || peekIs("B", 1):
            atom = .assertion(peekIs("b", 1) ? .wordBoundary : .notWordBoundary)
            position += 2
            quantifiable = false
        case 0x5C:
            position += 1
            atom = try parseAtomEscape()
        case 0x28:  // (
            (atom, quantifiable) = try parseGroup()
        case 0x5B:  // [
            atom = .set(try parseClass())
        case 0x2E:  // .
            position += 1
            atom = .set(.dot)
        case 0x2A, 0x2B, 0x3F:  // * + ?
            throw error("nothing to repeat", at: start)
        case 0x7B:  // {
            if unicode {
                var probe = self
                throw error(
                    (try? probe.parseBraces()) != nil ? "nothing to repeat" : "lone quantifier bracket",
                    at: start
                )
            }
            var probe = self
            if (try? probe.parseBraces()) != nil { throw error("nothing to repeat", at: start) }
            position += 1
            atom = .set(ScalarSet(single: character))
        case 0x7D, 0x5D:  // } ]
            if unicode { throw error("lone quantifier bracket or unmatched ']'", at: start) }
            position += 1
            atom = .set(ScalarSet(single: character))
        default:
            position += 1
            atom = .set(ScalarSet(single: character))
        }
        let quantifierStart = position
        guard let (low, high, greedy) = try parseQuantifier() else { return atom }
        if !quantifiable { throw error("nothing to repeat", at: quantifierStart) }
        return .quantified(atom, min: low, max: high, greedy: greedy)
    }

    /// Reads `*`, `+`, `?` or `{n}`, `{n,}`, `{n,m}`, each optionally followed by `?` (lazy).
    mutating func parseQuantifier() throws(RegexError) -> (Int, Int?, Bool)? {
        guard let character = peek() else { return nil }
        let start = position
        var low: Int
        var high: Int?
        switch character {
        case 0x2A:
            low = 0
            high = nil
            position += 1
        case 0x2B:
            low = 1
            high = nil
            position += 1
        case 0x3F:
            low = 0
            high = 1
            position += 1
        case 0x7B:
            var probe = self
            if let (braceLow, braceHigh) = try? probe.parseBraces() {
                self = probe
                low = braceLow
                high = braceHigh
            } else if unicode {
                throw error("incomplete quantifier", at: start)
            } else {
                return nil
            }
        default: return nil
        }
        if let high, high < low {
            throw error("numbers out of order in {} quantifier", at: start)
        }
        var greedy = true
        if peekIs("?") {
            position += 1
            greedy = false
        }
        return (low, high, greedy)
    }

    /// Reads `{n}`, `{n,}` or `{n,m}`; throws (with no message) when the text is not one.
    mutating func parseBraces() throws(RegexError) -> (Int, Int?) {
        guard peekIs("{") else { throw RegexError.syntax }
        position += 1
        guard let low = parseDecimal() else { throw RegexError.syntax }
        var high: Int? = low
        if peekIs(",") {
            position += 1
            high = parseDecimal()
        }
        guard peekIs("}") else { throw RegexError.syntax }
        position += 1
        return (low, high)
    }

    /// Reads decimal digits, saturating at a billion.
    mutating func parseDecimal() -> Int? {
        var value = 0
        var any = false
        while let digit = peek(), digit >= 0x30, digit <= 0x39 {
            value = min(1_000_000_000, value * 10 + Int(digit - 0x30))
            position += 1
            any = true
        }
        return any ? value : nil
    }

    // MARK: - Groups

    mutating func parseGroup() throws(RegexError) -> (RegexNode, Bool) {
        let start = position
        if depth >= RegexParser.maxDepth {
            throw error("groups nested more than \(RegexParser.maxDepth) deep", at: start)
        }
        depth += 1
        defer { depth -= 1 }
        position += 1
        var capture: Int?
        if peekIs("?") {
            switch peek(1) {
            case 0x3A:  // (?:
                position += 2
            case 0x3D, 0x21:  // (?= (?!
                let negated = peekIs("!", 1)
                position += 2
                let body = try parseDisjunction()
                try expectClose(start)
                return (.lookaround(body, behind: false, negated: negated), !unicode)
            case 0x3C where peekIs("=", 2) || peekIs("!", 2):  // (?<= (?<!
                let negated = peekIs("!", 2)
                position += 3
                let body = try parseDisjunction()
                try expectClose(start)
                return (.lookaround(body, behind: true, negated: negated), false)
            case 0x3C:  // (?<name>
                position += 2
                let nameStart = position
                let name = try parseGroupName()
                if names[name] != nil { throw error("duplicate capture group name '\(name)'", at: nameStart) }
                capturesSeen += 1
                capture = capturesSeen
                names[name] = capturesSeen
            default:
                if let flag = peek(1), flag == 0x69 || flag == 0x6D || flag == 0x73 || flag == 0x2D {
                    throw error("regular expression modifiers ('(?i)', '(?i:…)') are not supported", at: start)
                }
                throw error("invalid group", at: start)
            }
        } else {
            capturesSeen += 1
            capture = capturesSeen
        }
        let body = try parseDisjunction()
        try expectClose(start)
        return (.group(body, capture: capture), true)
    }

    mutating func expectClose(_ start: Int) throws(RegexError) {
        guard peekIs(")") else { throw error("unterminated group", at: start) }
        position += 1
    }

    /// Reads `name>` of `(?<name>` or `\k<name>`.
    mutating func parseGroupName() throws(RegexError) -> String {
        let start = position
        var scalars = String.UnicodeScalarView()
        while true {
            guard var value = peek() else { throw error("unterminated group name", at: start) }
            if value == 0x3E { break }
            position += 1
            if value == 0x5C {
                guard peekIs("u") else { throw error("invalid group name", at: start) }
                position += 1
                value = try parseUnicodeEscapeBody(forceUnicode: true)
            } else if !unicode, value >= 0xD800, value <= 0xDBFF, let trail = peek(), trail >= 0xDC00,
                trail <= 0xDFFF
            {
                position += 1
                value = 0x10000 + ((value - 0xD800) << 10) + (trail - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(value) else { throw error("invalid group name", at: start) }
            let valid =
                scalars.isEmpty
                ? (scalar.properties.isIDStart || scalar == "$" || scalar == "_")
                : (scalar.properties.isIDContinue || scalar == "$" || value == 0x200C || value == 0x200D)
            guard valid else { throw error("invalid group name", at: start) }
            scalars.append(scalar)
        }
        position += 1
        if scalars.isEmpty { throw error("empty group name", at: start) }
        return String(scalars)
    }

    /// Replaces named references with their group index.
    func resolveNames(_ node: RegexNode) throws(RegexError) -> RegexNode {
        if pendingNames.isEmpty { return node }
        var indices: [Int] = []
        for pending in pendingNames {
            guard let index = names[pending.name] else {
                throw error("reference to undefined group name '\(pending.name)'", at: pending.offset)
            }
            indices.append(index)
        }
        return RegexParser.rewrite(node, indices)
    }

    private static func rewrite(_ node: RegexNode, _ indices: [Int]) -> RegexNode {
        switch node {
        case .backreference(let index) where index < 0: return .backreference(indices[-index - 1])
        case .empty, .set, .assertion, .backreference: return node
        case .concat(let items): return .concat(items.map { rewrite($0, indices) })
        case .alternation(let items): return .alternation(items.map { rewrite($0, indices) })
        case .group(let inner, let capture): return .group(rewrite(inner, indices), capture: capture)
        case .quantified(let inner, let low, let high, let greedy):
            return .quantified(rewrite(inner, indices), min: low, max: high, greedy: greedy)
        case .lookaround(let inner, let behind, let negated):
            return .lookaround(rewrite(inner, indices), behind: behind, negated: negated)
        }
    }
}
