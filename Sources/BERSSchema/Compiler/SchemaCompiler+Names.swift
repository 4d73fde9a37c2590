extension SchemaCompiler {
    /// Stores `names` (with their property subschema and required bit) as a ``NameTable``.
    mutating func makeNameTable(_ names: [(name: String, node: NodeID, requiredBit: Int32)]) -> NameTable {
        let first = tables.nameEntries.count
        for (name, node, requiredBit) in names {
            let bytes = Array(name.utf8)
            let probe = bytes.withUnsafeBufferPointer { NameProbe($0) }
            tables.nameEntries.append(
                NameEntry(
                    start: Int32(tables.nameBytes.count),
                    length: Int32(probe.length),
                    prefix: probe.prefix,
                    node: node,
                    requiredBit: requiredBit,
                    // The same String value is kept in `names`, so a heap string's identity stays unique.
                    identity: StringIdentity(name)
                )
            )
            tables.nameBytes.append(contentsOf: bytes)
            tables.names.append(name)
        }
        let entries = Span(start: Int32(first), count: Int32(names.count))
        guard names.count > NameTable.linearLimit else { return NameTable(entries: entries, slots: .empty) }
        var size = 8
        while size < names.count * 2 { size *= 2 }
        var slots = [Int32](repeating: -1, count: size)
        for offset in entries.range {
            var slot = Array(tables.names[offset].utf8).withUnsafeBufferPointer { NameProbe($0) }.hash & (size - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(offset)
        }
        let slotSpan = Span(start: Int32(tables.nameSlots.count), count: Int32(size))
        tables.nameSlots.append(contentsOf: slots)
        return NameTable(entries: entries, slots: slotSpan)
    }

    /// The execution plan of pattern `source`: a literal-prefix test when it is `^literal`.
    mutating func patternPlan(for source: String) -> PatternPlan {
        guard let literal = SchemaCompiler.literalPrefix(of: source) else { return PatternPlan(literal: -1) }
        tables.literalPrefixes.append(Array(literal.utf8))
        return PatternPlan(literal: Int32(tables.literalPrefixes.count - 1))
    }
}
