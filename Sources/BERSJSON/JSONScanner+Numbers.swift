extension JSONScanner {
    /// The powers of ten that doubles hold exactly, 10^0 to 10^22, for Clinger's fast path.
    static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Reads a number at `index` (a `-` or a digit).
    ///
    /// A number without fraction or exponent that fits in `Int64` is an integer. Other numbers
    /// are doubles, correctly rounded: Clinger's fast path when the significand has at most 15
    /// digits and the decimal exponent is within ±22 (both operands are then exact, so one IEEE
    /// multiplication or division rounds correctly), otherwise the standard library's
    /// correctly rounded conversion.
    mutating func parseNumber() throws(JSONError) -> JSONValue {
        let numberStart = index
        var cursor = index
        let negative = input[cursor] == Byte.minus
        if negative { cursor += 1 }

        var significand: UInt64 = 0
        var significantDigits = 0
        var truncated = false
        var decimalExponent = 0

        // Integer part.
        let firstDigit = byte(at: cursor)
        guard Byte.isDigit(firstDigit) else {
            throw badNumber(from: numberStart, at: cursor, "expected a digit after '-'")
        }
        if firstDigit == Byte.zero {
            cursor += 1
            if Byte.isDigit(byte(at: cursor)) {
                throw badNumber(from: numberStart, at: numberStart, "leading zeros are not allowed")
            }
        } else {
            while cursor < end {
                let digit = input[cursor] &- Byte.zero
                guard digit < 10 else { break }
                if significantDigits < 19 {
                    significand = significand &* 10 &+ UInt64(digit)
                    significantDigits += 1
                } else {
                    truncated = true
                    decimalExponent += 1
                }
                cursor += 1
            }
        }

        // Fraction.
        var isInteger = true
        if byte(at: cursor) == Byte.period {
            isInteger = false
            cursor += 1
            guard Byte.isDigit(byte(at: cursor)) else {
                throw badNumber(from: numberStart, at: cursor, "expected a digit after '.'")
            }
            while cursor < end {
                let digit = input[cursor] &- Byte.zero
                guard digit < 10 else { break }
                if significantDigits < 19 {
                    if significand != 0 || digit != 0 {
                        significand = significand &* 10 &+ UInt64(digit)
                        significantDigits += 1
                    }
                    decimalExponent -= 1
                } else if digit != 0 {
                    truncated = true
                }
                cursor += 1
            }
        }

        // Exponent.
        let marker = byte(at: cursor)
        if marker == Byte.lowerE || marker == Byte.upperE {
            isInteger = false
            cursor += 1
            var exponentNegative = false
            let sign = byte(at: cursor)
            if sign == Byte.plus || sign == Byte.minus {
                exponentNegative = sign == Byte.minus
                cursor += 1
            }
            guard Byte.isDigit(byte(at: cursor)) else {
                throw badNumber(from: numberStart, at: cursor, "expected a digit in the exponent")
            }
            var exponent = 0
            while cursor < end {
                let digit = input[cursor] &- Byte.zero
                guard digit < 10 else { break }
                if exponent < 1_000_000 { exponent = exponent * 10 + Int(digit) }
                cursor += 1
            }
            decimalExponent += exponentNegative ? -exponent : exponent
        }
        index = cursor

        if isInteger && !truncated {
            if significand <= UInt64(Int64.max) {
                let magnitude = Int64(significand)
                return .integer(negative ? -magnitude : magnitude)
            }
            if negative && significand == UInt64(Int64.max) + 1 { return .integer(.min) }
        }
        if significand == 0 { return .double(negative ? -0.0 : 0.0) }
        if !truncated && significantDigits <= 15 && decimalExponent >= -22 && decimalExponent <= 22 {
            var value = Double(significand)
            if decimalExponent < 0 {
                value /= Self.exactPowersOfTen[-decimalExponent]
            } else {
                value *= Self.exactPowersOfTen[decimalExponent]
            }
            return .double(negative ? -value : value)
        }
        return .double(try slowDouble(numberStart..<cursor))
    }

    /// Converts the number text in `range` with the standard library's correctly rounded parser.
    @inline(never)
    private func slowDouble(_ range: Range<Int>) throws(JSONError) -> Double {
        let text = makeString(range)
        guard let value = Double(text), value.isFinite else {
            let shown = text.utf8.count > 40 ? text.prefix(40) + "…" : Substring(text)
            throw error(.invalidNumber, "number \(shown) is out of range", at: range.lowerBound)
        }
        return value
    }
}
