extension RegexParser {
    /// One end of a class range: a single value, or a class escape such as `\d`.
    enum ClassAtom {
        case value(UInt32)
        case set(ScalarSet)
    }

    /// Reads `[…]` or `[^…]`.
    mutating func parseClass() throws(RegexError) -> ScalarSet {
        let start = position
        position += 1
        var negated = false
        if peekIs("^") {
            negated = true
            position += 1
        }
        var ranges: [ClosedRange<UInt32>] = []
        var set = ScalarSet()
        while true {
            guard let character = peek() else { throw error("unterminated character class", at: start) }
            if character == 0x5D { break }
            let atomStart = position
            let first = try parseClassAtom()
            if peekIs("-"), let after = peek(1), after != 0x5D {
                position += 1
                let second = try parseClassAtom()
                switch (first, second) {
                case (.value(let low), .value(let high)):
                    if low > high { throw error("range out of order in character class", at: atomStart) }
                    ranges.append(low...high)
                default:
                    if unicode { throw error("invalid character class range", at: atomStart) }
                    ranges.append(0x2D...0x2D)
                    for atom in [first, second] {
                        switch atom {
                        case .value(let value): ranges.append(value...value)
                        case .set(let other): set = set.union(other)
                        }
                    }
                }
            } else {
                switch first {
                case .value(let value): ranges.append(value...value)
                case .set(let other): set = set.union(other)
                }
            }
        }
        position += 1
        let result = set.union(ScalarSet(ranges))
        return negated ? result.inverted() : result
    }

    mutating func parseClassAtom() throws(RegexError) -> ClassAtom {
        let start = position
        guard let character = peek() else { throw error("unterminated character class", at: start) }
        position += 1
        guard character == 0x5C else { return .value(character) }
        guard let escaped = peek() else { throw error("\\ at end of pattern", at: start) }
        switch escaped {
        case 0x62:  // \b is backspace in a class
            position += 1
            return .value(0x08)
        case 0x64, 0x44, 0x73, 0x53, 0x77, 0x57:
            position += 1
            return .set(RegexParser.classEscape(escaped))
        case 0x70 where unicode, 0x50 where unicode:
            position += 1
            return .set(try parsePropertyEscape(negated: escaped == 0x50, start: start))
        case 0x31...0x39 where unicode:
            throw error("invalid class escape", at: start)
        case 0x31...0x39:
            return .value(parseLegacyOctalOrIdentity())
        case 0x42 where unicode, 0x6B where unicode:
            throw error("invalid class escape", at: start)
        default:
            return .value(try parseCharacterEscape(inClass: true, start: start))
        }
    }
}
