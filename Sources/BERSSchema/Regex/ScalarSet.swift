/// A set of code points (or UTF-16 code units) stored as sorted, disjoint, non-adjacent ranges.
///
/// Character classes, `.`, `\d`, `\p{…}` and single literal characters all compile to one of these.
struct ScalarSet: Hashable, Sendable {
    /// Sorted, disjoint and non-adjacent inclusive ranges.
    private(set) var ranges: [ClosedRange<UInt32>]

    /// The largest code point.
    static let maxScalar: UInt32 = 0x10FFFF

    /// The empty set.
    init() { ranges = [] }

    /// A set of already normalised ranges.
    init(normalized ranges: [ClosedRange<UInt32>]) { self.ranges = ranges }

    /// The set of these ranges, in any order.
    init(_ ranges: [ClosedRange<UInt32>]) {
        self.ranges = ScalarSet.normalize(ranges)
    }

    /// The set holding only `value`.
    init(single value: UInt32) { ranges = [value...value] }

    /// Every code point.
    static let all = ScalarSet(normalized: [0...maxScalar])

    var isEmpty: Bool { ranges.isEmpty }

    /// Whether `value` is in the set (binary search).
    func contains(_ value: UInt32) -> Bool {
        var low = 0
        var high = ranges.count
        while low < high {
            let mid = (low + high) >> 1
            let range = ranges[mid]
            if value < range.lowerBound {
                high = mid
            } else if value > range.upperBound {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }

    /// The union of two sets.
    func union(_ other: ScalarSet) -> ScalarSet {
        if other.ranges.isEmpty { return self }
        if ranges.isEmpty { return other }
        return ScalarSet(ranges + other.ranges)
    }

    /// Every code point not in the set.
    func inverted() -> ScalarSet {
        var result: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for range in ranges {
            if range.lowerBound > next { result.append(next...(range.lowerBound - 1)) }
            if range.upperBound >= ScalarSet.maxScalar { return ScalarSet(normalized: result) }
            next = range.upperBound + 1
        }
        result.append(next...ScalarSet.maxScalar)
        return ScalarSet(normalized: result)
    }

    /// If the set holds exactly one value, that value.
    var singleValue: UInt32? {
        if ranges.count == 1, ranges[0].lowerBound == ranges[0].upperBound { return ranges[0].lowerBound }
        return nil
    }

    private static func normalize(_ input: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        if input.count < 2 { return input }
        let sorted = input.sorted { $0.lowerBound < $1.lowerBound }
        var result: [ClosedRange<UInt32>] = []
        result.reserveCapacity(sorted.count)
        var current = sorted[0]
        for range in sorted.dropFirst() {
            if range.lowerBound <= current.upperBound || range.lowerBound == current.upperBound + 1 {
                if range.upperBound > current.upperBound { current = current.lowerBound...range.upperBound }
            } else {
                result.append(current)
                current = range
            }
        }
        result.append(current)
        return result
    }
}

extension ScalarSet {
    /// `\d`: ASCII digits.
    static let digits = ScalarSet(normalized: [0x30...0x39])
    /// `\w`: ASCII letters, digits and `_`.
    static let word = ScalarSet([0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])
    /// `\s`: ECMA-262 WhiteSpace and LineTerminator (TAB, LF, VT, FF, CR, Zs, U+2028/9, U+FEFF).
    static let space = ScalarSet([
        0x09...0x0D, 0x20...0x20, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A, 0x2028...0x2029,
        0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000, 0xFEFF...0xFEFF,
    ])
    /// `.` without the `s` flag: anything but a line terminator.
    static let dot = ScalarSet([0x0A...0x0A, 0x0D...0x0D, 0x2028...0x2029]).inverted()
}
