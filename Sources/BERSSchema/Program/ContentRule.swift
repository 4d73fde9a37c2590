import BERSJSON

/// Draft 7's `contentEncoding` and `contentMediaType`, which that draft lets a validator assert: a `base64` string must
/// decode, and an `application/json` string (decoded first) must parse.
///
/// Later drafts make both annotations only, and they are not compiled there.
struct ContentRule: Sendable {
    var base64: Bool
    var json: Bool

    /// Whether `string` satisfies the rule.
    func accepts(_ string: String) -> Bool {
        var bytes = Array(string.utf8)
        if base64 {
            guard let decoded = ContentRule.decodeBase64(bytes) else { return false }
            bytes = decoded
        }
        if json {
            return (try? JSONParser().parse(bytes)) != nil
        }
        return true
    }

    /// RFC 4648 base64 with padding; `nil` when malformed.
    static func decodeBase64(_ input: [UInt8]) -> [UInt8]? {
        guard input.count % 4 == 0 else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(input.count / 4 * 3)
        var index = 0
        while index < input.count {
            var quantum: UInt32 = 0
            var padding = 0
            for offset in 0..<4 {
                let byte = input[index + offset]
                let value: UInt32
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = UInt32(byte - UInt8(ascii: "A"))
                case UInt8(ascii: "a")...UInt8(ascii: "z"): value = UInt32(byte - UInt8(ascii: "a")) + 26
                case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt32(byte - UInt8(ascii: "0")) + 52
                case UInt8(ascii: "+"): value = 62
                case UInt8(ascii: "/"): value = 63
                case UInt8(ascii: "="):
                    guard index + 4 == input.count, offset >= 2 else { return nil }
                    padding += 1
                    value = 0
                default:
                    return nil
                }
                if padding > 0 && byte != UInt8(ascii: "=") { return nil }
                quantum = quantum << 6 | value
            }
            output.append(UInt8(truncatingIfNeeded: quantum >> 16))
            if padding < 2 { output.append(UInt8(truncatingIfNeeded: quantum >> 8)) }
            if padding < 1 { output.append(UInt8(truncatingIfNeeded: quantum)) }
            index += 4
        }
        return output
    }
}
