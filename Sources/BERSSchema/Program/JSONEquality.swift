import BERSJSON

/// Equality as JSON Schema defines it (`enum`, `const`, `uniqueItems`, property names): strings
/// are equal when they have the same code points. Swift's `String ==` (and so `JSONValue ==`)
/// also equates canonically equivalent strings (`"é"` and `"e\u{301}"`), which JSON Schema does
/// not; numbers compare by value (`1 == 1.0`) and object member order does not matter.
enum JSONEquality {
    /// Whether `lhs` and `rhs` are equal JSON values.
    static func equal(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.string(let left), .string(let right)):
            return sameCodePoints(left, right)
        case (.array(let left), .array(let right)):
            guard left.count == right.count else { return false }
            for offset in left.indices where !equal(left[offset], right[offset]) { return false }
            return true
        case (.object(let left), .object(let right)):
            guard left.count == right.count else { return false }
            for (key, value) in left {
                guard let other = member(key, of: right), equal(value, other) else { return false }
            }
            return true
        default:
            return lhs == rhs
        }
    }

    /// The value of the member whose key has the same code points as `key`.
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
        var lhs = lhs
        var rhs = rhs
        return lhs.withUTF8 { left in
            rhs.withUTF8 { right in left.count == right.count && left.elementsEqual(right) }
        }
    }
}
