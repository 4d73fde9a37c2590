extension JSONWriter {
    /// Writes an integer exactly.
    mutating func writeInteger(_ integer: Int64) {
        if integer < 0 { output.append(Byte.minus) }
        writeDigits(integer.magnitude)
    }

    /// Writes the decimal digits of `value`.
    private mutating func writeDigits(_ value: UInt64) {
        if value < 10 {
            output.append(Byte.zero + UInt8(value))
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes, enough for 20 digits
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            var remaining = value
            while remaining > 0 {
                count += 1
                buffer[24 - count] = Byte.zero + UInt8(remaining % 10)
                remaining /= 10
            }
            output.append(contentsOf: buffer[(24 - count)...])
        }
    }

    /// Writes a double: ECMAScript form in canonical output; elsewhere the same digits, with `.0` added to integral
    /// values (and `-0.0` kept) so that the text reads back as a double.
    ///
    /// Non-finite values, which JSON cannot hold, are written as `null`.
    mutating func writeDouble(_ double: Double) {
        guard double.isFinite else {
            appendASCII("null")
            return
        }
        if double == 0 {
            if canonical {
                output.append(Byte.zero)
            } else {
                appendASCII(double.sign == .minus ? "-0.0" : "0.0")
            }
            return
        }
        let decimal = ShortestDecimal(double)
        let start = output.count
        decimal.writeECMAScript(into: &output)
        if !canonical && !output[start...].contains(where: { $0 == Byte.period || $0 == Byte.lowerE }) {
            appendASCII(".0")
        }
    }
}

/// The shortest decimal that reads back as a given double: `digits` × 10^(`exponent` − count),
/// with the first digit non-zero, as ECMAScript's Number::toString defines `s`, `k` and `n`.
///
/// The digits come from the standard library's `description`, which prints the shortest
/// round-tripping digits (choosing the closest when several are as short), the same digits
/// ECMAScript asks for.
struct ShortestDecimal {
    /// Whether the value is negative.
    var negative: Bool
    /// The significant digits (ASCII), without leading or trailing zeros.
    var digits: [UInt8]
    /// ECMAScript's `n`: the position of the decimal point relative to the first digit.
    var exponent: Int

    /// The decimal form of a finite, non-zero double.
    init(_ double: Double) {
        negative = double.sign == .minus
        var digits: [UInt8] = []
        digits.reserveCapacity(17)
        var pointPosition: Int?
        var exponentValue = 0
        var exponentNegative = false
        var inExponent = false
        for byte in double.magnitude.description.utf8 {
            if inExponent {
                if byte == Byte.minus {
                    exponentNegative = true
                } else if Byte.isDigit(byte) {
                    exponentValue = exponentValue * 10 + Int(byte - Byte.zero)
                }
            } else if byte == Byte.period {
                pointPosition = digits.count
            } else if byte == Byte.lowerE || byte == Byte.upperE {
                inExponent = true
            } else if Byte.isDigit(byte) {
                digits.append(byte)
            }
        }
        // value = 0.d1d2... × 10^(point + exponent)
        var point = (pointPosition ?? digits.count) + (exponentNegative ? -exponentValue : exponentValue)
        let leadingZeros = digits.prefix { $0 == Byte.zero }.count
        digits.removeFirst(leadingZeros)
        point -= leadingZeros
        while digits.last == Byte.zero { digits.removeLast() }
        self.digits = digits
        self.exponent = point
    }

    /// Appends ECMAScript's Number::toString of the value (ECMA-262 §6.1.6.1.20).
    func writeECMAScript(into output: inout [UInt8]) {
        if negative { output.append(Byte.minus) }
        let k = digits.count
        let n = exponent
        if k <= n && n <= 21 {
            output.append(contentsOf: digits)
            output.append(contentsOf: repeatElement(Byte.zero, count: n - k))
        } else if 0 < n && n <= 21 {
            output.append(contentsOf: digits[..<n])
            output.append(Byte.period)
            output.append(contentsOf: digits[n...])
        } else if -6 < n && n <= 0 {
            output.append(Byte.zero)
            output.append(Byte.period)
            output.append(contentsOf: repeatElement(Byte.zero, count: -n))
            output.append(contentsOf: digits)
        } else {
            output.append(digits[0])
            if k > 1 {
                output.append(Byte.period)
                output.append(contentsOf: digits[1...])
            }
            output.append(Byte.lowerE)
            output.append(n - 1 < 0 ? Byte.minus : Byte.plus)
            var digitsOfExponent: [UInt8] = []
            var remaining = abs(n - 1)
            repeat {
                digitsOfExponent.append(Byte.zero + UInt8(remaining % 10))
                remaining /= 10
            } while remaining > 0
            output.append(contentsOf: digitsOfExponent.reversed())
        }
    }
}
