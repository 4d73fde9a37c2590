extension JSONScanner {
    /// An array or object whose members are being read.
    struct Frame {
        /// Whether this is an object (else an array).
        var isObject: Bool
        /// Where the frame's values start on the value stack.
        var valueStart: Int
        /// Where the frame's keys start on the key stack (objects only).
        var keyStart: Int
        /// Key to member number, built once an object is too large for a linear duplicate scan.
        var keyIndex: [String: Int]?
    }

    /// Objects with more members than this check duplicates with a hash index.
    static let linearDuplicateScanLimit = 8

    /// The open containers and the values and keys read so far inside them.
    struct Stacks {
        var frames: [Frame] = []
        var values: [JSONValue] = []
        var keys: [String] = []
        /// The offset of each key on `keys`, for duplicate-key errors.
        var keyOffsets: [Int] = []
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
                valuePositions.append(position)
                keyPositions.append(pendingKey)
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
                            isObject: true, valueStart: stacks.values.count, keyStart: stacks.keys.count,
                            keyIndex: nil))
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
                        Frame(isObject: false, valueStart: stacks.values.count, keyStart: 0, keyIndex: nil))
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
            while let frame = stacks.frames.last {
                stacks.values.append(value)
                skipWhitespace()
                let next = byte(at: index)
                if frame.isObject {
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
                    value = .object(Self.closeObject(&stacks))
                } else {
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
                    value = .array(Self.closeArray(&stacks))
                }
            }
            break parsing
        }
        skipWhitespace()
        guard index >= end else { throw trailingContent() }
        return value
    }

    /// Throws when opening one more container would nest deeper than the limit.
    @inline(__always)
    private func checkDepth(_ openContainers: Int) throws(JSONError) {
        guard openContainers < maxDepth else {
            throw error(
                .depthLimit, "arrays and objects nest deeper than the limit of \(maxDepth) levels", at: index)
        }
    }

    /// Reads `"key"` and the `:` after it, checks the key is new in the innermost object, and
    /// returns the key's position. Leaves `index` at the member's value.
    private mutating func parseKey(_ stacks: inout Stacks) throws(JSONError) -> SourcePosition {
        guard byte(at: index) == Byte.quote else {
            throw unexpected(expected: "a string key")
        }
        let keyOffset = index
        let keyPosition = recordPositions ? position : .unknown
        index += 1
        let key = try parseString(openingQuote: keyOffset)
        try checkDuplicate(key, at: keyOffset, in: &stacks)
        stacks.keys.append(key)
        stacks.keyOffsets.append(keyOffset)
        skipWhitespace()
        guard byte(at: index) == Byte.colon else {
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
        let keyStart = stacks.frames[frameIndex].keyStart
        let count = stacks.keys.count - keyStart
        if count <= Self.linearDuplicateScanLimit && stacks.frames[frameIndex].keyIndex == nil {
            for member in keyStart..<stacks.keys.count where stacks.keys[member] == key {
                throw duplicateKey(key, at: offset, firstAt: stacks.keyOffsets[member])
            }
            return
        }
        var keyIndex = stacks.frames[frameIndex].keyIndex ?? Self.buildKeyIndex(stacks.keys[keyStart...])
        stacks.frames[frameIndex].keyIndex = nil
        if let first = keyIndex.updateValue(count, forKey: key) {
            throw duplicateKey(key, at: offset, firstAt: stacks.keyOffsets[keyStart + first])
        }
        stacks.frames[frameIndex].keyIndex = keyIndex
    }

    private static func buildKeyIndex(_ keys: ArraySlice<String>) -> [String: Int] {
        var index = [String: Int](minimumCapacity: keys.count * 2)
        for (member, key) in keys.enumerated() { index[key] = member }
        return index
    }

    /// Pops the innermost array and returns its elements.
    private static func closeArray(_ stacks: inout Stacks) -> [JSONValue] {
        guard let frame = stacks.frames.popLast() else { return [] }
        let elements = Array(stacks.values[frame.valueStart...])
        stacks.values.removeSubrange(frame.valueStart...)
        return elements
    }

    /// Pops the innermost object and returns its members.
    private static func closeObject(_ stacks: inout Stacks) -> JSONObject {
        guard let frame = stacks.frames.popLast() else { return JSONObject() }
        let count = stacks.values.count - frame.valueStart
        var members: [JSONObject.Member] = []
        members.reserveCapacity(count)
        for member in 0..<count {
            members.append((stacks.keys[frame.keyStart + member], stacks.values[frame.valueStart + member]))
        }
        stacks.values.removeSubrange(frame.valueStart...)
        stacks.keys.removeSubrange(frame.keyStart...)
        stacks.keyOffsets.removeSubrange(frame.keyStart...)
        return JSONObject(uniqueMembers: members)
    }

    /// Reads the literal `text` (`true`, `false` or `null`) at `index`.
    private mutating func expectLiteral(_ text: StaticString) throws(JSONError) {
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
