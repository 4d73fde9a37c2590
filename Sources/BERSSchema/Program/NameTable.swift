/// A name known to the compiled schema (a property name, a string of an `enum`). The text is in
/// ``CompiledSchema/names`` at the same index; the entry holds a fingerprint (``NameProbe``) that
/// rejects most mismatches without comparing strings.
struct NameEntry: Sendable {
    var length: Int32
    var prefix: UInt64
    /// Whether the name is ASCII, so that `String ==` (which equates canonically equivalent
    /// strings) on equal lengths already means equal code points.
    var isASCII: Bool
    /// For property names: the `properties` subschema, or `-1`.
    var node: NodeID
    /// For property names: the position among the `required` names, or `-1`.
    var requiredBit: Int32
}

/// A set of names looked up by instance strings: a linear scan over the fingerprints for a few
/// names, else an open-addressing table hashed on the fingerprint. Trivially copyable: spans into
/// ``CompiledSchema/nameEntries`` and ``CompiledSchema/nameSlots``.
struct NameTable: Sendable {
    var entries: Span
    /// Empty for a linear table; else a power-of-two number of slots holding entry offsets or -1.
    var slots: Span

    static var empty: NameTable { NameTable(entries: .empty, slots: .empty) }
    static var linearLimit: Int { 8 }
}

/// The fingerprint of a string: its UTF-8 length and first 8 bytes (zero-padded), which decide
/// equality for names of up to 8 bytes. The bytes are read with one aligned load from the start of
/// the string's contiguous UTF-8 (no overlapping loads, which would stall on the stack copy of a
/// small string).
struct NameProbe {
    var length: Int
    var prefix: UInt64

    @inline(__always)
    init(_ string: String) {
        if let probe = string.utf8.withContiguousStorageIfAvailable({ NameProbe($0) }) {
            self = probe
        } else {
            self = Array(string.utf8).withUnsafeBufferPointer { NameProbe($0) }
        }
    }

    @inline(__always)
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        length = bytes.count
        guard let base = bytes.baseAddress else {
            prefix = 0
            return
        }
        if length >= 8 {
            prefix = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(as: UInt64.self))
        } else {
            var value: UInt64 = 0
            for index in 0..<length { value |= UInt64(base[index]) << UInt64(8 * index) }
            prefix = value
        }
    }

    @inline(__always)
    var hash: Int {
        let mixed = (prefix ^ UInt64(length) << 56) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed >> 40)
    }
}

extension CompiledSchema {
    /// The offset in ``nameEntries`` of the entry of `table` whose name has the code points of
    /// `key`, or -1.
    @inline(__always)
    func find(_ key: String, in table: NameTable) -> Int {
        let probe = NameProbe(key)
        if table.slots.isEmpty {
            for offset in table.entries.range where matches(offset, probe, key) { return offset }
            return -1
        }
        let mask = Int(table.slots.count) - 1
        var slot = probe.hash & mask
        while true {
            let candidate = Int(nameSlots[Int(table.slots.start) + slot])
            if candidate < 0 { return -1 }
            if matches(candidate, probe, key) { return candidate }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private func matches(_ offset: Int, _ probe: NameProbe, _ key: String) -> Bool {
        let entry = nameEntries[offset]
        guard Int(entry.length) == probe.length, entry.prefix == probe.prefix else { return false }
        if probe.length <= 8 { return true }
        guard names[offset] == key else { return false }
        // Canonically equivalent and of the same UTF-8 length: for an ASCII name that means the
        // same bytes (a non-ASCII string equivalent to an ASCII one is always longer).
        return entry.isASCII || JSONEquality.sameCodePoints(names[offset], key)
    }
}
