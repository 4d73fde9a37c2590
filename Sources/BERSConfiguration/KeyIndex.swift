/// An open-addressing hash table from key components (`["api", "timeout"]`) to positions in a
/// list of keys, built once.
///
/// A lookup hashes the components' UTF-8 bytes with FNV-1a and compares the one candidate the
/// probe finds: two to three times as fast as a `Dictionary` keyed by `[String]`, which hashes
/// the array, then every string, with SipHash (see docs/BENCHMARKS.md).
struct KeyIndex: Sendable {
    /// Position + 1 of the key in each slot; 0 is empty.
    private let slots: [Int32]
    private let mask: Int

    /// The index of `keys` (no two alike), at most half full.
    init(_ keys: [[String]]) {
        var size = 16
        while size < keys.count * 2 { size <<= 1 }
        var slots = [Int32](repeating: 0, count: size)
        for (position, key) in keys.enumerated() {
            var slot = Self.slot(of: key, mask: size - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(position + 1)
        }
        self.slots = slots
        self.mask = size - 1
    }

    /// The position of `components` in the keys, or `nil`; `keyAt` gives the key at a position.
    @inline(__always)
    func position(of components: [String], keyAt: (Int) -> [String]) -> Int? {
        var slot = Self.slot(of: components, mask: mask)
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { return nil }
            if keyAt(stored - 1) == components { return stored - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// The first slot to probe for `components`.
    @inline(__always)
    private static func slot(of components: [String], mask: Int) -> Int {
        Int(truncatingIfNeeded: hash(components)) & mask
    }

    /// FNV-1a over the components' UTF-8 bytes, each followed by 0xFF (never part of UTF-8), so
    /// `["a.b"]` and `["a", "b"]` differ.
    @inline(__always)
    private static func hash(_ components: [String]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for component in components {
            let hashed: Bool? = component.utf8.withContiguousStorageIfAvailable { bytes in
                for byte in bytes { hash = mix(hash, byte) }
                return true
            }
            if hashed == nil {
                for byte in component.utf8 { hash = mix(hash, byte) }
            }
            hash = mix(hash, 0xFF)
        }
        return hash
    }

    @inline(__always)
    private static func mix(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }
}
