/// A name known to the compiled schema (a property name, a string of an `enum`), compared by UTF-8 bytes (so by code
/// points, as JSON Schema requires).
///
/// The text is in ``CompiledSchema/names`` at the same index (for messages) and its bytes in
/// ``CompiledSchema/nameBytes``; the fingerprint (``NameProbe``) rejects most mismatches without reading them.
struct NameEntry: Sendable {
    /// The offset of the name's UTF-8 bytes in ``CompiledSchema/nameBytes``.
    var start: Int32
    var length: Int32
    var prefix: UInt64
    /// For property names: the `properties` subschema, or `-1`.
    var node: NodeID
    /// For property names: the position among the `required` names, or `-1`.
    var requiredBit: Int32
    /// The two words of the name's `String` value (see ``StringIdentity``).
    var identity: StringIdentity
}

/// The two machine words of a `String` value, compared as a fast positive test of equality.
///
/// This is the first test of the standard library's own `String ==`: two strings whose words are
/// identical are the same string (a small string, 15 UTF-8 bytes or fewer, is stored inline in
/// them). Unequal words prove nothing (two heap strings with the same text differ), so a mismatch
/// falls back to comparing bytes. Only on platforms where `String` is two 64-bit words; elsewhere
/// identities never match and the bytes are always compared.
struct StringIdentity: Sendable, Equatable {
    var first: UInt64
    var second: UInt64

    static var isAvailable: Bool { MemoryLayout<String>.size == 16 }

    /// A value no string has (used where the identity is not available).
    static var unavailable: StringIdentity { StringIdentity(first: 0, second: 0) }

    @inline(__always)
    init(first: UInt64, second: UInt64) {
        self.first = first
        self.second = second
    }

    @inline(__always)
    init(_ string: String) {
        guard StringIdentity.isAvailable else {
            self = .unavailable
            return
        }
        let words = unsafeBitCast(string, to: (UInt64, UInt64).self)
        first = words.0
        second = words.1
    }
}

/// A set of names looked up by instance strings: a linear scan over the fingerprints for a few names, else an
/// open-addressing table hashed on the fingerprint.
///
/// Trivially copyable: spans into ``CompiledSchema/nameEntries`` and ``CompiledSchema/nameSlots``.
struct NameTable: Sendable {
    var entries: Span
    /// Empty for a linear table; else a power-of-two number of slots holding entry offsets or -1.
    var slots: Span

    static var empty: NameTable { NameTable(entries: .empty, slots: .empty) }
    static var linearLimit: Int { 4 }
}

/// The fingerprint of a string: its UTF-8 length and first 8 bytes (zero-padded), which decide equality for names of up
/// to 8 bytes.
///
/// The bytes are read with non-overlapping loads from the start of the string's contiguous UTF-8 (overlapping loads
/// would stall on the stack copy of a small string).
struct NameProbe {
    var length: Int
    var prefix: UInt64

    @inline(__always)
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        length = bytes.count
        guard let base = bytes.baseAddress else {
            prefix = 0
            return
        }
        let raw = UnsafeRawPointer(base)
        if length >= 8 {
            prefix = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
            return
        }
        // 1 to 7 bytes: one 4-, one 2- and one 1-byte load at most, none overlapping.
        var value: UInt64 = 0
        var offset = 0
        if length & 4 != 0 {
            value = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
            offset = 4
        }
        if length & 2 != 0 {
            value |=
                UInt64(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt16.self)))
                << UInt64(8 * offset)
            offset += 2
        }
        if length & 1 != 0 {
            value |= UInt64(raw.load(fromByteOffset: offset, as: UInt8.self)) << UInt64(8 * offset)
        }
        prefix = value
    }

    @inline(__always)
    var hash: Int {
        let mixed = (prefix ^ UInt64(length) << 56) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed >> 40)
    }
}

extension CompiledSchema {
    /// The offset in ``nameEntries`` of the entry of `table` whose name has the code points of `key`, or -1.
    ///
    /// Entry `guess` (when in the table) is tried first: instances tend to list members in schema order, so the entry
    /// after the last one found is a good guess.
    @inline(__always)
    func find(_ key: String, in table: NameTable, guess: Int = -1) -> Int {
        if StringIdentity.isAvailable {
            let identity = StringIdentity(key)
            if table.entries.range.contains(guess), nameEntries[guess].identity == identity { return guess }
            if table.slots.isEmpty {
                for offset in table.entries.range where nameEntries[offset].identity == identity { return offset }
            }
        }
        if let found = key.utf8.withContiguousStorageIfAvailable({ find($0, in: table, guess: guess) }) {
            return found
        }
        return Array(key.utf8).withUnsafeBufferPointer { find($0, in: table, guess: guess) }
    }

    @inline(__always)
    func find(_ bytes: UnsafeBufferPointer<UInt8>, in table: NameTable, guess: Int) -> Int {
        let probe = NameProbe(bytes)
        if table.entries.range.contains(guess), matches(guess, probe, bytes) { return guess }
        if table.slots.isEmpty {
            for offset in table.entries.range where matches(offset, probe, bytes) { return offset }
            return -1
        }
        let mask = Int(table.slots.count) &- 1
        var slot = probe.hash & mask
        while true {
            let candidate = Int(nameSlots[Int(table.slots.start) &+ slot])
            if candidate < 0 { return -1 }
            if matches(candidate, probe, bytes) { return candidate }
            slot = (slot &+ 1) & mask
        }
    }

    /// Whether entry `offset` is the name whose bytes are `bytes`: the fingerprint decides up to
    /// 8 bytes; past that the remaining bytes are compared with ``nameBytes``.
    @inline(__always)
    private func matches(_ offset: Int, _ probe: NameProbe, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let entry = nameEntries[offset]
        guard Int(entry.length) == probe.length, entry.prefix == probe.prefix else { return false }
        if probe.length <= 8 { return true }
        return nameBytes.withUnsafeBufferPointer { arena in
            guard let stored = arena.baseAddress, let given = bytes.baseAddress else { return false }
            return JSONEquality.bytesEqual(
                UnsafeBufferPointer(start: stored + Int(entry.start) + 8, count: probe.length - 8),
                UnsafeBufferPointer(start: given + 8, count: probe.length - 8)
            )
        }
    }
}
