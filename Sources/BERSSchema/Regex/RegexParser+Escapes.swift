extension RegexParser {
    /// Reads what follows `\` outside a class (the backslash is consumed).
    mutating func parseAtomEscape() throws(RegexError) -> RegexNode {
        let start = position - 1
        guard let character = peek() else { throw error("\\ at end of pattern", at: start) }
        switch character {
        case 0x31...0x39:  // \1 … \9
            let save = position
            let number = parseDecimal() ?? 0
            if number <= totalCaptures { return .backreference(number) }
            if unicode { throw error("invalid backreference \\\(number)", at: start) }
            position = save
            return .set(ScalarSet(single: parseLegacyOctalOrIdentity()))
        case 0x30:  // \0
            position += 1
            if let next = peek(), next >= 0x30, next <= 0x39 {
                if unicode { throw error("invalid decimal escape", at: start) }
                position -= 1
                return .set(ScalarSet(single: parseLegacyOctalOrIdentity()))
            }
            return .set(ScalarSet(single: 0))
        case 0x64, 0x44, 0x73, 0x53, 0x77, 0x57:  // d D s S w W
            position += 1
            return .set(RegexParser.classEscape(character))
        case 0x70 where unicode, 0x50 where unicode:  // p P
            position += 1
            return .set(try parsePropertyEscape(negated: character == 0x50, start: start))
        case 0x6B where unicode || hasNamedGroups:  // k
            position += 1
            guard peekIs("<") else { throw error("invalid named reference", at: start) }
            position += 1
            let name = try parseGroupName()
            pendingNames.append((name, start))
            return .backreference(-pendingNames.count)
        default:
            return .set(ScalarSet(single: try parseCharacterEscape(inClass: false, start: start)))
        }
    }

    /// The set for `\d \D \s \S \w \W`.
    static func classEscape(_ letter: UInt32) -> ScalarSet {
        switch letter {
        case 0x64: return .digits
        case 0x44: return ScalarSet.digits.inverted()
        case 0x73: return .space
        case 0x53: return ScalarSet.space.inverted()
        case 0x77: return .word
        default: return ScalarSet.word.inverted()
        }
    }

    /// Reads `\p{…}` after the `p` or `P`.
    mutating func parsePropertyEscape(negated: Bool, start: Int) throws(RegexError) -> ScalarSet {
        guard peekIs("{") else { throw error("invalid property name", at: start) }
        position += 1
        var text = ""
        while let value = peek(), value != 0x7D {
            guard let scalar = Unicode.Scalar(value),
                scalar.properties.isASCIIHexDigit
                    || (scalar.isASCII && (scalar.properties.isAlphabetic || scalar == "_" || scalar == "="))
            else { throw error("invalid property name", at: start) }
            text.unicodeScalars.append(scalar)
            position += 1
        }
        guard peekIs("}") else { throw error("invalid property name", at: start) }
        position += 1
        let set: ScalarSet
        switch UnicodeProperties.lookup(text) {
        case .success(let found): set = found
        case .failure(let problem): throw error(problem.description, at: start)
        }
        return negated ? set.inverted() : set
    }

    /// Reads a CharacterEscape (after the backslash) and returns its value.
    mutating func parseCharacterEscape(inClass: Bool, start: Int) throws(RegexError) -> UInt32 {
        guard let character = peek() else { throw error("\\ at end of pattern", at: start) }
        position += 1
        switch character {
        case 0x66: return 0x0C  // f
        case 0x6E: return 0x0A  // n
        case 0x72: return 0x0D  // r
        case 0x74: return 0x09  // t
        case 0x76: return 0x0B  // v
        case 0x63:  // c
            if let letter = peek(), (0x41...0x5A).contains(letter) || (0x61...0x7A).contains(letter) {
                position += 1
                return letter % 32
            }
            if !unicode, inClass, let letter = peek(), (0x30...0x39).contains(letter) || letter == 0x5F {
                position += 1
                return letter % 32
            }
            if unicode { throw error("invalid control escape \\c", at: start) }
            position -= 1  // Annex B: `\c` is a literal backslash; the `c` is read next.
            return 0x5C
        case 0x78:  // x
            if let high = peek().flatMap(RegexParser.hexValue), let low = peek(1).flatMap(RegexParser.hexValue) {
                position += 2
                return high << 4 | low
            }
            if unicode { throw error("invalid escape \\x", at: start) }
            return character
        case 0x75:  // u
            let save = position
            do {
                return try parseUnicodeEscapeBody(forceUnicode: false)
            } catch {
                if unicode { throw error }
                position = save
                return character
            }
        case 0x30 where unicode || inClass:
            if let next = peek(), (0x30...0x39).contains(next) {
                if unicode { throw error("invalid class escape", at: start) }
                position -= 1
                return parseLegacyOctalOrIdentity()
            }
            return 0
        default:
            if unicode {
                // IdentityEscape[+U]: SyntaxCharacter or `/` (and `-` inside a class).
                let syntax: [UInt32] = [
                    0x5E, 0x24, 0x5C, 0x2E, 0x2A, 0x2B, 0x3F, 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D, 0x7C, 0x2F,
                ]
                if syntax.contains(character) || (inClass && character == 0x2D) { return character }
                throw error("invalid escape", at: start)
            }
            if (0x31...0x37).contains(character) {
                position -= 1
                return parseLegacyOctalOrIdentity()
            }
            return character
        }
    }

    /// Reads the part after `\u`: `XXXX` (joining a following `\uXXXX` low surrogate under the
    /// `u` flag) or, under the `u` flag, `{X…}`.
    mutating func parseUnicodeEscapeBody(forceUnicode: Bool) throws(RegexError) -> UInt32 {
        let start = position - 2
        let braces = unicode || forceUnicode
        if braces, peekIs("{") {
            position += 1
            var value: UInt32 = 0
            var digits = 0
            while let digit = peek().flatMap(RegexParser.hexValue) {
                value = value << 4 | digit
                digits += 1
                position += 1
                if value > 0x10FFFF { throw error("invalid Unicode escape (above U+10FFFF)", at: start) }
            }
            guard digits > 0, peekIs("}") else { throw error("invalid Unicode escape", at: start) }
            position += 1
            return value
        }
        guard let value = readHex4(at: position) else { throw error("invalid Unicode escape", at: start) }
        position += 4
        if braces, (0xD800...0xDBFF).contains(value), peekIs("\\"), peekIs("u", 1),
            let trail = readHex4(at: position + 2), (0xDC00...0xDFFF).contains(trail)
        {
            position += 6
            return 0x10000 + ((value - 0xD800) << 10) + (trail - 0xDC00)
        }
        return value
    }

    private func readHex4(at index: Int) -> UInt32? {
        guard index + 4 <= source.count else { return nil }
        var value: UInt32 = 0
        for offset in 0..<4 {
            guard let digit = RegexParser.hexValue(source[index + offset]) else { return nil }
            value = value << 4 | digit
        }
        return value
    }

    /// Annex B: `\NNN` octal (at most `\377`), or `\8`/`\9` as themselves.
    mutating func parseLegacyOctalOrIdentity() -> UInt32 {
        guard let first = peek() else { return 0x5C }
        if first == 0x38 || first == 0x39 {
            position += 1
            return first
        }
        var value: UInt32 = 0
        var count = 0
        while count < 3, let digit = peek(), (0x30...0x37).contains(digit) {
            let next = value * 8 + (digit - 0x30)
            if next > 0o377 { break }
            value = next
            position += 1
            count += 1
        }
        return value
    }

    static func hexValue(_ value: UInt32) -> UInt32? {
        switch value {
        case 0x30...0x39: return value - 0x30
        case 0x41...0x46: return value - 0x41 + 10
        case 0x61...0x66: return value - 0x61 + 10
        default: return nil
        }
    }
}
