/// One accepted shape of tenant hash.
public enum TenantHashShape: Sendable, Hashable {
    /// Two lowercase letters and 12 lowercase hex digits (`my87674d777bf9`).
    case legacy
    /// 14 lowercase hex digits (`8b464847ae0ede`).
    case hex14
    /// A custom shape: `minLength...maxLength` characters of `a-z 0-9 _ -`.
    case pattern(minLength: Int, maxLength: Int)

    /// Whether `text` (already known to be safe characters) has this shape.
    func matches(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func isHex(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
        }
        switch self {
        case .legacy:
            return bytes.count == 14
                && bytes.prefix(2).allSatisfy { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
                && bytes.dropFirst(2).allSatisfy(isHex)
        case .hex14:
            return bytes.count == 14 && bytes.allSatisfy(isHex)
        case .pattern(let minLength, let maxLength):
            return minLength <= maxLength && bytes.count >= minLength && bytes.count <= maxLength
        }
    }

    /// A one-line description for messages.
    var summary: String {
        switch self {
        case .legacy: "2 lowercase letters + 12 hex digits"
        case .hex14: "14 hex digits"
        case .pattern(let minLength, let maxLength): "\(minLength)-\(maxLength) characters of a-z 0-9 _ -"
        }
    }
}
