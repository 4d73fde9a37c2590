/// The members (by position) or items (by index) of one instance that keywords have evaluated
/// successfully: the annotations `unevaluatedProperties` and `unevaluatedItems` depend on.
///
/// Only built when a schema on the way uses those keywords, so ordinary validation never
/// allocates one.
struct EvaluatedSet {
    private var words: [UInt64]
    private(set) var count: Int

    /// An empty set for an instance with `count` members or items.
    init(count: Int) {
        self.count = count
        words = [UInt64](repeating: 0, count: (count + 63) / 64)
    }

    mutating func insert(_ index: Int) {
        guard index >= 0 && index < count else { return }
        words[index >> 6] |= 1 << UInt64(index & 63)
    }

    mutating func insert(upTo end: Int) {
        for index in 0..<min(end, count) { insert(index) }
    }

    mutating func insertAll() {
        insert(upTo: count)
    }

    func contains(_ index: Int) -> Bool {
        guard index >= 0 && index < count else { return false }
        return words[index >> 6] & (1 << UInt64(index & 63)) != 0
    }

    mutating func formUnion(_ other: EvaluatedSet) {
        guard other.count == count else { return }
        for offset in words.indices { words[offset] |= other.words[offset] }
    }
}
