/// A partition of all code points into classes that no set of a program tells apart, so the
/// engines step on a small class number instead of a code point.
struct Alphabet: Sendable {
    /// The class of each ASCII value.
    let ascii: [UInt16]
    /// Start of each interval above ASCII (sorted; the first is 0x80).
    let starts: [UInt32]
    /// The class of each interval.
    let intervalClass: [UInt16]
    /// The number of classes.
    let count: Int
    /// `member[set * count + class]`: whether the program's set holds the class.
    let member: [Bool]
    /// Whether each class is a `\w` character.
    let isWord: [Bool]

    /// The partition for `sets` (and `\w`, for word-boundary assertions).
    init(sets: [ScalarSet]) {
        var points: [UInt32] = [0, 0x80]
        for set in sets + [ScalarSet.word] {
            for range in set.ranges {
                points.append(range.lowerBound)
                if range.upperBound < ScalarSet.maxScalar { points.append(range.upperBound + 1) }
            }
        }
        points.sort()
        var unique: [UInt32] = []
        unique.reserveCapacity(points.count)
        for point in points where unique.last != point { unique.append(point) }

        var signatures: [[Bool]: UInt16] = [:]
        var representatives: [UInt32] = []
        var classOfInterval: [UInt16] = []
        classOfInterval.reserveCapacity(unique.count)
        for point in unique {
            var signature = sets.map { $0.contains(point) }
            signature.append(ScalarSet.word.contains(point))
            if let known = signatures[signature] {
                classOfInterval.append(known)
            } else {
                let id = UInt16(truncatingIfNeeded: representatives.count)
                signatures[signature] = id
                representatives.append(point)
                classOfInterval.append(id)
            }
        }
        var ascii = [UInt16](repeating: 0, count: 128)
        var cursor = 0
        for value in 0..<128 {
            while cursor + 1 < unique.count, unique[cursor + 1] <= UInt32(value) { cursor += 1 }
            ascii[value] = classOfInterval[cursor]
        }
        var starts: [UInt32] = []
        var intervalClass: [UInt16] = []
        for (index, point) in unique.enumerated() where point >= 0x80 {
            if let last = intervalClass.last, last == classOfInterval[index] { continue }
            starts.append(point)
            intervalClass.append(classOfInterval[index])
        }
        self.ascii = ascii
        self.starts = starts
        self.intervalClass = intervalClass
        count = representatives.count
        var member = [Bool](repeating: false, count: sets.count * representatives.count)
        for (setIndex, set) in sets.enumerated() {
            for (classIndex, representative) in representatives.enumerated() {
                member[setIndex * representatives.count + classIndex] = set.contains(representative)
            }
        }
        self.member = member
        isWord = representatives.map { ScalarSet.word.contains($0) }
    }

    /// The class of `value`.
    @inline(__always)
    func classOf(_ value: UInt32) -> Int {
        if value < 0x80 { return Int(ascii[Int(value)]) }
        return classOfNonASCII(value)
    }

    func classOfNonASCII(_ value: UInt32) -> Int {
        var low = 0
        var high = starts.count
        while high - low > 1 {
            let mid = (low + high) >> 1
            if starts[mid] <= value { low = mid } else { high = mid }
        }
        return Int(intervalClass[low])
    }
}
