/// The property names one object schema knows (from `properties` and `required`), looked up by
/// instance key without Swift's seeded string hashing: a linear scan for a few names, else an
/// open-addressing table over an FNV-1a hash of the UTF-8 bytes.
struct PropertyTable: Sendable {
    /// What a known name means: its `properties` subschema and its bit among the required names.
    struct Entry: Sendable {
        /// The subschema under `properties`, or `-1`.
        var node: NodeID
        /// The position of the name in ``ObjectTable/requiredNames``, or `-1`.
        var requiredBit: Int32
    }

    let names: [String]
    let entries: [Entry]
    private let slots: [Int32]
    private let mask: Int

    private static let linearLimit = 8

    init(names: [String], entries: [Entry]) {
        self.names = names
        self.entries = entries
        guard names.count > PropertyTable.linearLimit else {
            slots = []
            mask = 0
            return
        }
        var size = 16
        while size < names.count * 2 { size *= 2 }
        var table = [Int32](repeating: -1, count: size)
        for (offset, name) in names.enumerated() {
            var slot = PropertyTable.hash(name) & (size - 1)
            while table[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            table[slot] = Int32(offset)
        }
        slots = table
        mask = size - 1
    }

    var isEmpty: Bool { names.isEmpty }

    /// The position of `key` in ``names``, if present.
    @inline(__always)
    func find(_ key: String) -> Int? {
        if slots.isEmpty {
            for offset in names.indices where JSONEquality.sameCodePoints(names[offset], key) { return offset }
            return nil
        }
        var slot = PropertyTable.hash(key) & mask
        while true {
            let candidate = Int(slots[slot])
            if candidate < 0 { return nil }
            if JSONEquality.sameCodePoints(names[candidate], key) { return candidate }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    static func hash(_ key: String) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}
