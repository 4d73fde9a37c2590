/// A name known to the compiled schema (a property name, a string of an `enum`), stored as its
/// UTF-8 bytes in ``CompiledSchema/nameBytes`` with a fingerprint that rejects most mismatches
/// without reading them: the length and the first and last 8 bytes.
struct NameEntry: Sendable {
    var start: Int32
    var length: Int32
    var prefix: UInt64
    var suffix: UInt64
    /// For property names: the `properties` subschema, or `-1`.
    var node: NodeID
    /// For property names: the position among the `required` names, or `-1`.
    var requiredBit: Int32
}

/// A set of names looked up by the bytes of an instance string: a linear scan over the
/// fingerprints for a few names, else an open-addressing table hashed on the fingerprint.
/// Trivially copyable: spans into ``CompiledSchema/nameEntries`` and ``CompiledSchema/nameSlots``.
struct NameTable: Sendable {
    var entries: Span
    /// Empty for a linear table; else a power-of-two number of slots holding entry offsets or -1.
    var slots: Span

    static let empty = NameTable(entries: .empty, slots: .empty)
    static let linearLimit = 8
}

/// The fingerprint of a string's UTF-8 bytes.
struct NameProbe {
    var length: Int
    var prefix: UInt64
    var suffix: UInt64

    @inline(__always)
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        length = bytes.count
        prefix = NameProbe.load(bytes, from: 0)
        suffix = length > 8 ? NameProbe.load(bytes, from: length - 8) : prefix
    }

    @inline(__always)
    var hash: Int {
        var mixed = (prefix &* 0x9E37_79B9_7F4A_7C15) ^ (suffix &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(length)
        mixed ^= mixed >> 29
        mixed = mixed &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: mixed >> 32)
    }

    /// Up to 8 bytes from `offset`, little-endian, zero-padded.
    @inline(__always)
    static func load(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int) -> UInt64 {
        let available = bytes.count - offset
        guard let base = bytes.baseAddress, available > 0 else { return 0 }
        if available >= 8 {
            return UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
        }
        var value: UInt64 = 0
        for index in 0..<available {
            value |= UInt64(base[offset + index]) << UInt64(8 * index)
        }
        return value
    }
}

extension CompiledSchema {
    /// The offset in ``nameEntries`` of the entry of `table` whose name is `key`, or -1.
    @inline(__always)
    func find(_ key: String, in table: NameTable) -> Int {
        if let found = key.utf8.withContiguousStorageIfAvailable({ find($0, in: table) }) { return found }
        return Array(key.utf8).withUnsafeBufferPointer { find($0, in: table) }
    }

    @inline(__always)
    func find(_ bytes: UnsafeBufferPointer<UInt8>, in table: NameTable) -> Int {
        let probe = NameProbe(bytes)
        if table.slots.isEmpty {
            for offset in table.entries.range where matches(nameEntries[offset], probe, bytes) { return offset }
            return -1
        }
        let mask = Int(table.slots.count) - 1
        var slot = probe.hash & mask
        while true {
            let candidate = Int(nameSlots[Int(table.slots.start) + slot])
            if candidate < 0 { return -1 }
            if matches(nameEntries[candidate], probe, bytes) { return candidate }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private func matches(_ entry: NameEntry, _ probe: NameProbe, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard Int(entry.length) == probe.length, entry.prefix == probe.prefix, entry.suffix == probe.suffix else {
            return false
        }
        if probe.length <= 16 { return true }
        return nameBytes.withUnsafeBufferPointer { arena in
            var offset = 8
            while offset < probe.length - 8 {
                if arena[Int(entry.start) + offset] != bytes[offset] { return false }
                offset += 1
            }
            return true
        }
    }
}
