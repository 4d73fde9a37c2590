import BERSJSON

/// Equality as JSON Schema defines it (`enum`, `const`, `uniqueItems`, property names): strings are equal when they
/// have the same code points.
///
/// Swift's `String ==` (and so `JSONValue ==`) also equates canonically equivalent strings (`"é"` and `"e\u{301}"`),
/// which JSON Schema does not; numbers compare by value (`1 == 1.0`) and object member order does not matter.
enum JSONEquality {
    /// Whether `lhs` and `rhs` are equal JSON values.
    static func equal(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        switch lhs {
        case .string(let left):
            guard case .string(let right) = rhs else { return false }
            return sameCodePoints(left, right)
        case .integer, .double:
            return lhs == rhs
        case .bool(let left):
            guard case .bool(let right) = rhs else { return false }
            return left == right
        case .null:
            return rhs.isNull
        case .array(let left):
            guard case .array(let right) = rhs, left.count == right.count else { return false }
            for offset in left.indices where !equal(left[offset], right[offset]) { return false }
            return true
        case .object(let left):
            guard case .object(let right) = rhs, left.count == right.count else { return false }
            for (key, value) in left {
                guard let other = member(key, of: right), equal(value, other) else { return false }
            }
            return true
        }
    }

    /// The value of the member whose key has the code points of `key`.
    static func member(_ key: String, of object: JSONObject) -> JSONValue? {
        if let position = object.position(of: key), sameCodePoints(object[position].key, key) {
            return object[position].value
        }
        for (candidate, value) in object where sameCodePoints(candidate, key) { return value }
        return nil
    }

    /// Whether two strings have the same UTF-8 bytes (the same code points).
    @inline(__always)
    static func sameCodePoints(_ lhs: String, _ rhs: String) -> Bool {
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        if let result = lhs.utf8.withContiguousStorageIfAvailable({ left in
            rhs.utf8.withContiguousStorageIfAvailable { right in bytesEqual(left, right) }
        }), let result {
            return result
        }
        return lhs.utf8.elementsEqual(rhs.utf8)
    }

    /// Whether two buffers of equal length hold the same bytes, 8 at a time.
    @inline(__always)
    static func bytesEqual(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        guard left.count == right.count else { return false }
        guard let leftBase = left.baseAddress, let rightBase = right.baseAddress else { return true }
        let leftRaw = UnsafeRawPointer(leftBase)
        let rightRaw = UnsafeRawPointer(rightBase)
        var offset = 0
        while offset + 8 <= left.count {
            if leftRaw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                != rightRaw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            {
                return false
            }
            offset += 8
        }
        while offset < left.count {
            if leftBase[offset] != rightBase[offset] { return false }
            offset += 1
        }
        return true
    }

    /// A number that equal values share (unequal values usually differ): for strings their
    /// length and first bytes, for numbers their value as a double.
    @inline(__always)
    static func fingerprint(_ value: JSONValue) -> UInt64 {
        switch value {
        case .null: return 1
        case .bool(let flag): return flag ? 2 : 3
        case .integer(let integer): return Double(integer).bitPattern
        case .double(let double): return double == 0 ? 0 : double.bitPattern
        case .string(let string):
            let probe =
                string.utf8.withContiguousStorageIfAvailable { NameProbe($0) }
                ?? Array(string.utf8).withUnsafeBufferPointer { NameProbe($0) }
            return UInt64(probe.hash) ^ probe.prefix | 1 << 63
        case .array(let elements): return 0x4000_0000_0000_0000 | UInt64(elements.count)
        case .object(let object): return 0x2000_0000_0000_0000 | UInt64(object.count)
        }
    }
}
