import BERSJSON

/// A number from a schema (`minimum`, `multipleOf`, ...), kept both as a double and, when it is
/// an integer that fits, as an exact `Int64`, so integer instances compare exactly.
struct NumberBound: Sendable, Hashable {
    var double: Double
    var integer: Int64
    var isInteger: Bool

    init?(_ value: JSONValue) {
        switch value {
        case .integer(let integer):
            self.double = Double(integer)
            self.integer = integer
            self.isInteger = true
        case .double(let double):
            self.double = double
            if let exact = Int64(exactly: double) {
                self.integer = exact
                self.isInteger = true
            } else {
                self.integer = 0
                self.isInteger = false
            }
        default:
            return nil
        }
    }

    /// The bound as JSON, for messages.
    var jsonValue: JSONValue { isInteger ? .integer(integer) : .double(double) }
}

/// Exact comparison of JSON numbers.
enum NumberComparison {
    /// The sign of `instance - bound`: -1, 0 or 1.
    ///
    /// Integers compare exactly with integers and with doubles (no rounding of large integers to the nearest double).
    @inline(__always)
    static func compare(_ instance: Int64, _ bound: NumberBound) -> Int {
        if bound.isInteger { return instance < bound.integer ? -1 : (instance == bound.integer ? 0 : 1) }
        return compare(integer: instance, double: bound.double)
    }

    @inline(__always)
    static func compare(_ instance: Double, _ bound: NumberBound) -> Int {
        if instance < bound.double { return -1 }
        if instance > bound.double { return 1 }
        if instance == bound.double {
            // Equal as doubles; an integer bound beyond 2^53 may still differ from the double.
            guard bound.isInteger, abs(bound.double) >= 9_007_199_254_740_992 else { return 0 }
            return -compare(integer: bound.integer, double: instance)
        }
        return 0  // NaN never appears in JSON
    }

    /// The sign of `integer - double`, exactly.
    static func compare(integer: Int64, double: Double) -> Int {
        if double >= 9_223_372_036_854_775_808.0 { return -1 }
        if double < -9_223_372_036_854_775_808.0 { return 1 }
        let floor = double.rounded(.down)
        let whole = Int64(floor)  // in range after the checks above
        if integer < whole { return -1 }
        if integer > whole { return 1 }
        return floor == double ? 0 : -1
    }
}

/// `multipleOf`: exact for integers, tolerant of decimal fractions such as `0.01` for doubles,
/// and exact (never overflowing) when the quotient is too large for a double.
enum MultipleOf {
    static func isMultiple(_ instance: JSONValue, of divisor: NumberBound) -> Bool {
        switch instance {
        case .integer(let value):
            if divisor.isInteger {
                guard divisor.integer != 0 else { return false }
                return value.remainderReportingOverflow(dividingBy: divisor.integer).partialValue == 0
            }
            return isMultiple(Double(value), of: divisor.double)
        case .double(let value):
            if divisor.isInteger, let exact = Int64(exactly: value), divisor.integer != 0 {
                return exact.remainderReportingOverflow(dividingBy: divisor.integer).partialValue == 0
            }
            return isMultiple(value, of: divisor.double)
        default:
            return true
        }
    }

    static func isMultiple(_ value: Double, of divisor: Double) -> Bool {
        guard divisor != 0, value.isFinite else { return false }
        if value == 0 { return true }
        if divisor.rounded() == divisor {
            // Both exactly representable: the IEEE remainder is exact.
            return value.truncatingRemainder(dividingBy: divisor) == 0
        }
        let quotient = value / divisor
        guard quotient.isFinite else { return exactBinaryMultiple(value, of: divisor) }
        let nearest = quotient.rounded()
        // Decimal divisors (0.01, 0.0001) are not exact in binary; accept a quotient within a few
        // ulps of an integer, the rounding error of one division.
        return abs(quotient - nearest) <= 8 * Double.ulpOfOne * max(1, abs(quotient))
    }

    /// Whether `value / divisor` is an integer, treating both as exact binary fractions.
    private static func exactBinaryMultiple(_ value: Double, of divisor: Double) -> Bool {
        let (valueOdd, valueExponent) = oddPart(value)
        let (divisorOdd, divisorExponent) = oddPart(divisor)
        guard divisorOdd != 0 else { return false }
        return valueOdd % divisorOdd == 0 && valueExponent >= divisorExponent
    }

    /// `x = odd * 2^exponent` with `odd` an odd integer (magnitude only).
    private static func oddPart(_ x: Double) -> (UInt64, Int) {
        let magnitude = x.magnitude
        guard magnitude != 0 else { return (0, 0) }
        var significand = magnitude.significandBitPattern
        var exponent = Int(magnitude.exponent) - Double.significandBitCount
        if magnitude.isNormal {
            significand |= 1 << UInt64(Double.significandBitCount)
        } else {
            exponent = Int(Double.leastNormalMagnitude.exponent) - Double.significandBitCount
        }
        let zeros = significand.trailingZeroBitCount
        return (significand >> UInt64(zeros), exponent + zeros)
    }
}
