extension JSONScanner {
    /// An array or object whose members are being read into a tape.
    struct TapeFrame {
        /// The container's node.
        var node: Int
        /// Whether it is an object (else an array).
        var isObject: Bool
        /// Key hash to member nodes, built once an object is too large for a linear duplicate scan.
        var keyIndex: [UInt64: [Int]]?
    }

    /// The key of the member being read: where it is in the arena and in the source.
    struct PendingKey {
        var offset: UInt32 = 0
        var length: UInt32 = 0
        var position = SourcePosition.unknown
    }

    /// Parses the whole input as one JSON value followed only by whitespace, into a tape's nodes
    /// and string arena.
    mutating func parseTape() throws(JSONError) -> JSONTape {
        var nodes = ScanStack<JSONTape.Node>(capacity: end / 24 + 4)
        var strings = ScanStack<UInt8>(capacity: end / 2 + 8)
        var frames: [TapeFrame] = []
        frames.reserveCapacity(8)
        var key = PendingKey()
        skipWhitespace()
        parsing: while true {
            let node = nodes.count
            nodes.push(
                JSONTape.Node(
                    kind: .null,
                    position: position,
                    keyOffset: key.offset,
                    keyLength: key.length,
                    keyPosition: key.position
                )
            )
            switch byte(at: index) {
            case Byte.quote:
                nodes[node].kind = .string
                let (offset, length) = try scanString(into: &strings)
                nodes[node].payload = UInt64(offset) << 32 | UInt64(length)
            case Byte.openBrace, Byte.openBracket:
                let isObject = byte(at: index) == Byte.openBrace
                try checkDepth(frames.count)
                nodes[node].kind = isObject ? .object : .array
                index += 1
                skipWhitespace()
                if byte(at: index) == (isObject ? Byte.closeBrace : Byte.closeBracket) {
                    index += 1
                } else {
                    frames.append(TapeFrame(node: node, isObject: isObject, keyIndex: nil))
                    key =
                        isObject
                        ? try scanKey(into: &strings, frame: &frames[frames.count - 1], nodes: nodes) : PendingKey()
                    continue parsing
                }
            case Byte.minus, Byte.zero...Byte.nine:
                switch try parseNumber() {
                case .integer(let integer):
                    nodes[node].kind = .integer
                    nodes[node].payload = UInt64(bitPattern: integer)
                case .double(let double):
                    nodes[node].kind = .double
                    nodes[node].payload = double.bitPattern
                default:
                    break
                }
            case Byte.lowerT:
                try expectLiteral("true")
                nodes[node].kind = .bool
                nodes[node].flag = true
            case Byte.lowerF:
                try expectLiteral("false")
                nodes[node].kind = .bool
            case Byte.lowerN:
                try expectLiteral("null")
            default:
                throw unexpected(expected: "a JSON value")
            }

            // The value is complete: count it in its container, closing containers as they end.
            while let last = frames.indices.last {
                let container = frames[last].node
                nodes[container].count += 1
                skipWhitespace()
                let next = byte(at: index)
                if next == Byte.comma {
                    index += 1
                    skipWhitespace()
                    key =
                        frames[last].isObject
                        ? try scanKey(into: &strings, frame: &frames[last], nodes: nodes) : PendingKey()
                    continue parsing
                }
                if frames[last].isObject {
                    guard next == Byte.closeBrace else { throw unexpected(expected: "',' or '}' after object member") }
                } else {
                    guard next == Byte.closeBracket else {
                        throw unexpected(expected: "',' or ']' after array element")
                    }
                }
                index += 1
                nodes[container].size = UInt32(truncatingIfNeeded: nodes.count - container)
                frames.removeLast()
            }
            break parsing
        }
        skipWhitespace()
        guard index >= end else { throw trailingContent() }
        return JSONTape(nodes: nodes, strings: strings, file: file)
    }

    /// Reads a string at `index` (its opening quote) into the arena; returns its offset and length there.
    ///
    /// Leaves `index` after the closing quote.
    @inline(__always)
    private mutating func scanString(into strings: inout ScanStack<UInt8>) throws(JSONError) -> (UInt32, UInt32) {
        let openingQuote = index
        index += 1
        let contentStart = index
        let cursor = plainRunEnd(from: index)
        if cursor < end && input[cursor] == Byte.quote {
            index = cursor + 1
            let offset = strings.count
            strings.push(contentsOf: UnsafeBufferPointer(rebasing: input[contentStart..<cursor]))
            return (UInt32(truncatingIfNeeded: offset), UInt32(truncatingIfNeeded: cursor - contentStart))
        }
        index = cursor
        var text = try parseStringSlowly(from: contentStart, openingQuote: openingQuote)
        let offset = strings.count
        text.withUTF8 { strings.push(contentsOf: $0) }
        return (UInt32(truncatingIfNeeded: offset), UInt32(truncatingIfNeeded: strings.count - offset))
    }

    /// Reads `"key"` and the `:` after it, checks the key is new in the object of `frame`, and returns it.
    ///
    /// Leaves `index` at the member's value.
    @inline(__always)
    private mutating func scanKey(
        into strings: inout ScanStack<UInt8>,
        frame: inout TapeFrame,
        nodes: borrowing ScanStack<JSONTape.Node>
    ) throws(JSONError) -> PendingKey {
        guard byte(at: index) == Byte.quote else { throw unexpected(expected: "a string key") }
        let keyOffset = index
        let keyPosition = position
        let (offset, length) = try scanString(into: &strings)
        try checkTapeDuplicate(
            offset: offset,
            length: length,
            at: keyOffset,
            frame: &frame,
            nodes: nodes.elements,
            nodeCount: nodes.count,
            strings: strings.elements
        )
        skipWhitespace()
        guard byte(at: index) == Byte.colon else { throw unexpected(expected: "':' after object key") }
        index += 1
        skipWhitespace()
        return PendingKey(offset: offset, length: length, position: keyPosition)
    }

    /// Throws ``JSONError/Code/duplicateKey`` when the object of `frame` already has the key
    /// just stored at `offset` in the arena.
    @inline(__always)
    private func checkTapeDuplicate(
        offset: UInt32,
        length: UInt32,
        at sourceOffset: Int,
        frame: inout TapeFrame,
        nodes: UnsafePointer<JSONTape.Node>,
        nodeCount: Int,
        strings: UnsafePointer<UInt8>
    ) throws(JSONError) {
        let members = Int(nodes[frame.node].count)
        if members <= Self.linearDuplicateScanLimit && frame.keyIndex == nil {
            var member = frame.node + 1
            for _ in 0..<members {
                if sameKey(nodes[member], offset, length, strings) {
                    throw tapeDuplicate(offset, length, strings, at: sourceOffset, first: nodes[member])
                }
                member += Int(nodes[member].size)
            }
            return
        }
        var index = frame.keyIndex ?? [:]
        frame.keyIndex = nil
        if index.isEmpty {
            var member = frame.node + 1
            for _ in 0..<members {
                index[keyHash(nodes[member].keyOffset, nodes[member].keyLength, strings), default: []].append(member)
                member += Int(nodes[member].size)
            }
        }
        let hash = keyHash(offset, length, strings)
        // A non-ASCII key (hash 0) may equal any key; an ASCII one, its bucket or a non-ASCII key.
        let candidates = hash == 0 ? index.values.flatMap { $0 } : (index[hash] ?? []) + (index[0] ?? [])
        for member in candidates where sameKey(nodes[member], offset, length, strings) {
            throw tapeDuplicate(offset, length, strings, at: sourceOffset, first: nodes[member])
        }
        // The member's node is the next one appended.
        index[hash, default: []].append(nodeCount)
        frame.keyIndex = index
    }

    /// Whether the key of `node` and the key at `offset` are the same key (see ``JSONTape/keysEqual(_:_:)``).
    private func sameKey(
        _ node: JSONTape.Node,
        _ offset: UInt32,
        _ length: UInt32,
        _ strings: UnsafePointer<UInt8>
    ) -> Bool {
        JSONTape.keysEqual(
            UnsafeBufferPointer(start: strings + Int(node.keyOffset), count: Int(node.keyLength)),
            UnsafeBufferPointer(start: strings + Int(offset), count: Int(length))
        )
    }

    /// A hash of the key's bytes; every key with non-ASCII text hashes alike, since such keys may
    /// equal keys written with other bytes.
    private func keyHash(_ offset: UInt32, _ length: UInt32, _ strings: UnsafePointer<UInt8>) -> UInt64 {
        let bytes = UnsafeBufferPointer(start: strings + Int(offset), count: Int(length))
        guard JSONTape.isASCII(bytes) else { return 0 }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return hash
    }

    private func tapeDuplicate(
        _ offset: UInt32,
        _ length: UInt32,
        _ strings: UnsafePointer<UInt8>,
        at sourceOffset: Int,
        first: JSONTape.Node
    ) -> JSONError {
        let key = String(decoding: UnsafeBufferPointer(start: strings + Int(offset), count: Int(length)), as: UTF8.self)
        let firstLocation = SourceLocation(file: file, position: first.keyPosition)
        return JSONError(
            .duplicateKey,
            "duplicate key \(JSONValue.string(key).jsonText) (first defined at \(firstLocation.map(\.description) ?? "?"))",
            location: location(ofOffset: sourceOffset),
            relatedLocation: firstLocation
        )
    }
}
