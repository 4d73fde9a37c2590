/// Builds the bytes of one serialized value.
///
/// ``JSONSerializer`` creates one per call.
struct JSONWriter {
    /// The text written so far.
    var output: [UInt8] = []
    /// Spaces per level, or `nil` for no line breaks.
    let indent: Int?
    /// Whether keys are sorted and numbers written in ECMAScript form (RFC 8785).
    let canonical: Bool
    /// Whether to escape non-ASCII characters.
    let asciiOnly: Bool

    init(style: JSONSerializer.Style, asciiOnly: Bool) {
        switch style {
        case .compact:
            indent = nil
            canonical = false
        case .pretty(let spaces):
            indent = max(spaces, 0)
            canonical = false
        case .canonical:
            indent = nil
            canonical = true
        }
        self.asciiOnly = asciiOnly && !canonical
        output.reserveCapacity(256)
    }

    /// Writes `value` as the whole document.
    mutating func write(_ value: JSONValue) {
        write(value, depth: 0)
        if indent != nil { output.append(Byte.lineFeed) }
    }

    private mutating func write(_ value: JSONValue, depth: Int) {
        switch value {
        case .null: appendASCII("null")
        case .bool(let flag): appendASCII(flag ? "true" : "false")
        case .integer(let integer): writeInteger(integer)
        case .double(let double): writeDouble(double)
        case .string(let text): writeString(text)
        case .array(let elements):
            guard !elements.isEmpty else {
                appendASCII("[]")
                return
            }
            output.append(Byte.openBracket)
            for (offset, element) in elements.enumerated() {
                if offset > 0 { output.append(Byte.comma) }
                newline(depth: depth + 1)
                write(element, depth: depth + 1)
            }
            newline(depth: depth)
            output.append(Byte.closeBracket)
        case .object(let object):
            guard !object.isEmpty else {
                appendASCII("{}")
                return
            }
            output.append(Byte.openBrace)
            if canonical {
                for (offset, member) in object.sorted(by: { Self.utf16Precedes($0.key, $1.key) }).enumerated() {
                    if offset > 0 { output.append(Byte.comma) }
                    writeMember(member, depth: depth)
                }
            } else {
                for offset in object.indices {
                    if offset > 0 { output.append(Byte.comma) }
                    writeMember(object[offset], depth: depth)
                }
            }
            newline(depth: depth)
            output.append(Byte.closeBrace)
        }
    }

    private mutating func writeMember(_ member: JSONObject.Member, depth: Int) {
        newline(depth: depth + 1)
        writeString(member.key)
        output.append(Byte.colon)
        if let indent, indent > 0 { output.append(Byte.space) }
        write(member.value, depth: depth + 1)
    }

    /// A line break and the indentation of `depth`, in pretty output.
    @inline(__always)
    private mutating func newline(depth: Int) {
        guard let indent, indent > 0 else { return }
        output.append(Byte.lineFeed)
        output.append(contentsOf: repeatElement(Byte.space, count: indent * depth))
    }

    /// Appends ASCII text.
    @inline(__always)
    mutating func appendASCII(_ text: StaticString) {
        output.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Whether `lhs` sorts before `rhs` by UTF-16 code units (RFC 8785 §3.2.3).
    ///
    /// This is UTF-8 byte order except where a character in U+E000–U+FFFF (lead byte `EE`/`EF`)
    /// meets one above U+FFFF (lead byte `F0`–`F4`): in UTF-16 the latter starts with a
    /// surrogate (`D800`–`DFFF`) and sorts first.
    static func utf16Precedes(_ lhs: String, _ rhs: String) -> Bool {
        var left = lhs.utf8.makeIterator()
        var right = rhs.utf8.makeIterator()
        while true {
            guard let a = left.next() else { return right.next() != nil }
            guard let b = right.next() else { return false }
            if a == b { continue }
            if a >= 0xEE && a <= 0xEF && b >= 0xF0 { return false }
            if b >= 0xEE && b <= 0xEF && a >= 0xF0 { return true }
            return a < b
        }
    }
}
