extension JSONScanner {
    /// An array or object whose members are being read.
    struct Frame {
        /// Whether this is an object (else an array).
        var isObject: Bool
        /// Where the frame's elements (arrays) or members (objects) start on their stack.
        var start: Int
        /// The key of the member whose value is being read (objects only).
        var key: String
        /// The offset of that key.
        var keyOffset: Int
        /// Key to member number, built once an object is too large for a linear duplicate scan.
        var keyIndex: [String: Int]?
        /// The preorder number of the container itself (when positions are recorded).
        var node: Int = 0
    }

    /// Objects with more members than this check duplicates with a hash index.
    static let linearDuplicateScanLimit = 8

    /// The open containers and what has been read inside them.
    struct Stacks: ~Copyable {
        var frames: [Frame] = []
        /// The elements of the open arrays.
        var elements = ScanStack<JSONValue>()
        /// The members of the open objects.
        var members = ScanStack<JSONObject.Member>()
        /// The offset of each member's key on `members`, for duplicate-key errors.
        var keyOffsets = ScanStack<Int>()
    }

    /// Parses the whole input as one JSON value followed only by whitespace.
    mutating func parseDocument() throws(JSONError) -> JSONValue {
        var stacks = Stacks()
        var pendingKey = SourcePosition.unknown
        var value = JSONValue.null
        skipWhitespace()
        parsing: while true {
            // A value starts at `index`; whitespace before it is skipped.
            if recordPositions {
                valuePositions.push(position)
                keyPositions.push(pendingKey)
                subtreeSizes.push(1)
            }
            switch byte(at: index) {
            case Byte.quote:
                index += 1
                value = .string(try parseString(openingQuote: index - 1))
            case Byte.openBrace:
                try checkDepth(stacks.frames.count)
                index += 1
                skipWhitespace()
                if byte(at: index) == Byte.closeBrace {
                    index += 1
                    value = .object(JSONObject())
                } else {
                    stacks.frames.append(
                        Frame(
                            isObject: true,
                            start: stacks.members.count,
                            key: "",
                            keyOffset: 0,
                            keyIndex: nil,
                            node: valuePositions.count - 1
                        )
                    )
                    pendingKey = try parseKey(&stacks)
                    continue parsing
                }
            case Byte.openBracket:
                try checkDepth(stacks.frames.count)
                index += 1
                skipWhitespace()
                if byte(at: index) == Byte.closeBracket {
                    index += 1
                    value = .array([])
                } else {
                    stacks.frames.append(
                        Frame(
                            isObject: false,
                            start: stacks.elements.count,
                            key: "",
                            keyOffset: 0,
                            keyIndex: nil,
                            node: valuePositions.count - 1
                        )
                    )
                    pendingKey = .unknown
                    continue parsing
                }
            case Byte.minus, Byte.zero...Byte.nine:
                value = try parseNumber()
            case Byte.lowerT:
                try expectLiteral("true")
                value = .bool(true)
            case Byte.lowerF:
                try expectLiteral("false")
                value = .bool(false)
            case Byte.lowerN:
                try expectLiteral("null")
                value = .null
            default:
                throw unexpected(expected: "a JSON value")
            }

            // `value` is complete: add it to its container, closing containers as they end.
            while let last = stacks.frames.indices.last {
                skipWhitespace()
                let next = byte(at: index)
                if stacks.frames[last].isObject {
                    stacks.members.push((stacks.frames[last].key, value))
                    stacks.keyOffsets.push(stacks.frames[last].keyOffset)
                    if next == Byte.comma {
                        index += 1
                        skipWhitespace()
                        pendingKey = try parseKey(&stacks)
                        continue parsing
                    }
                    guard next == Byte.closeBrace else {
                        throw unexpected(expected: "',' or '}' after object member")
                    }
                    index += 1
                    let start = stacks.frames[last].start
                    if recordPositions { closeSubtree(stacks.frames[last].node) }
                    stacks.frames.removeLast()
                    stacks.keyOffsets.truncate(to: start)
                    value = .object(JSONObject(uniqueMembers: stacks.members.popArray(from: start)))
                } else {
                    stacks.elements.push(value)
                    if next == Byte.comma {
                        index += 1
                        skipWhitespace()
                        pendingKey = .unknown
                        continue parsing
                    }
                    guard next == Byte.closeBracket else {
                        throw unexpected(expected: "',' or ']' after array element")
                    }
                    index += 1
                    let start = stacks.frames[last].start
                    if recordPositions { closeSubtree(stacks.frames[last].node) }
                    stacks.frames.removeLast()
                    value = .array(stacks.elements.popArray(from: start))
                }
            }
            break parsing
        }
        skipWhitespace()
        guard index >= end else { throw trailingContent() }
        return value
    }

    /// Records the size of the container at `node`, which just closed.
    @inline(__always)
    private mutating func closeSubtree(_ node: Int) {
        subtreeSizes.set(UInt32(truncatingIfNeeded: valuePositions.count - node), at: node)
    }

    /// Throws when opening one more container would nest deeper than the limit.
    @inline(__always)
    func checkDepth(_ openContainers: Int) throws(JSONError) {
        guard openContainers < maxDepth else {
            throw error(
                .depthLimit,
                "arrays and objects nest deeper than the limit of \(maxDepth) levels",
                at: index
            )
        }
    }

    /// Reads `"key"` and the `:` after it into the innermost frame, checks the key is new in its object, and returns
    /// the key's position.
    ///
    /// Leaves `index` at the member's value.
    @inline(__always)
    private mutating func parseKey(_ stacks: inout Stacks) throws(JSONError) -> SourcePosition {
        guard byte(at: index) == Byte.quote else {
            throw unexpected(expected: "a string key")
        }
        let keyOffset = index
        let keyPosition = recordPositions ? position : .unknown
        index += 1
        let key = try parseString(openingQuote: keyOffset)
        try checkDuplicate(key, at: keyOffset, in: &stacks)
        stacks.frames[stacks.frames.count - 1].key = key
        stacks.frames[stacks.frames.count - 1].keyOffset = keyOffset
        skipWhitespace()
        if byte(at: index) != Byte.colon {
            throw unexpected(expected: "':' after object key")
        }
        index += 1
        skipWhitespace()
        return keyPosition
    }

    /// Throws ``JSONError/Code/duplicateKey`` when the innermost object already has `key`.
    @inline(__always)
    private func checkDuplicate(_ key: String, at offset: Int, in stacks: inout Stacks) throws(JSONError) {
        let frameIndex = stacks.frames.count - 1
        let start = stacks.frames[frameIndex].start
        let count = stacks.members.count - start
        if count <= Self.linearDuplicateScanLimit && stacks.frames[frameIndex].keyIndex == nil {
            var member = start
            while member < stacks.members.count {
                if stacks.members.hasKey(key, at: member) {
                    throw duplicateKey(key, at: offset, firstAt: stacks.keyOffsets[member])
                }
                member += 1
            }
            return
        }
        try checkDuplicateWithIndex(key, at: offset, in: &stacks)
    }

    @inline(never)
    private func checkDuplicateWithIndex(_ key: String, at offset: Int, in stacks: inout Stacks) throws(JSONError) {
        let frameIndex = stacks.frames.count - 1
        let start = stacks.frames[frameIndex].start
        let count = stacks.members.count - start
        var keyIndex: [String: Int]
        if let existing = stacks.frames[frameIndex].keyIndex {
            keyIndex = existing
            stacks.frames[frameIndex].keyIndex = nil
        } else {
            keyIndex = [String: Int](minimumCapacity: count * 2)
            for member in 0..<count { keyIndex[stacks.members[start + member].key] = member }
        }
        if let first = keyIndex.updateValue(count, forKey: key) {
            throw duplicateKey(key, at: offset, firstAt: stacks.keyOffsets[start + first])
        }
        stacks.frames[frameIndex].keyIndex = keyIndex
    }

    /// Reads the literal `text` (`true`, `false` or `null`) at `index`.
    mutating func expectLiteral(_ text: StaticString) throws(JSONError) {
        let length = text.utf8CodeUnitCount
        let literal = text.utf8Start
        var matched = 0
        while matched < length, index + matched < end, input[index + matched] == literal[matched] {
            matched += 1
        }
        guard matched == length else {
            throw badLiteral(expected: text.description, matched: matched)
        }
        index += length
    }
}
