import BERSJSON
import Foundation

/// The gateway's JSON conventions: bytes in base64, 64-bit numbers as strings, zero values left out.
enum EtcdJSON {
    /// `text` in base64.
    static func base64(_ text: String) -> JSONValue { base64(Array(text.utf8)) }

    /// `bytes` in base64.
    static func base64(_ bytes: [UInt8]) -> JSONValue { .string(Data(bytes).base64EncodedString()) }

    /// The bytes of a base64 string; `nil` when it is absent or not base64.
    static func bytes(_ value: JSONValue?) -> [UInt8]? {
        guard case .string(let text)? = value, let data = Data(base64Encoded: text) else { return nil }
        return Array(data)
    }

    /// A 64-bit number written as a string or a number; 0 when absent (the gateway's zero value)
    /// or negative (revisions, versions and counts never are).
    static func int64(_ value: JSONValue?) -> Int64 {
        let number: Int64 =
            switch value {
            case .string(let text)?: Int64(text) ?? 0
            case .integer(let number)?: number
            default: 0
            }
        return max(number, 0)
    }

    /// The text of a string that says something; `nil` when absent, not a string, or only white space.
    static func reason(_ value: JSONValue?) -> String? {
        guard let text = value?.stringValue, text.contains(where: { !$0.isWhitespace }) else { return nil }
        return text
    }

    /// The keys starting with `prefix`, as a range's `key` and `range_end` (every key for an
    /// empty prefix: from `"\0"` to `"\0"`, which etcd reads as "to the end").
    static func range(ofPrefix prefix: String) -> (start: [UInt8], end: [UInt8]) {
        (prefix.isEmpty ? [0] : Array(prefix.utf8), rangeEnd(ofPrefix: prefix))
    }

    /// The end of the range of keys starting with `prefix`: its last byte incremented (`"\0"`,
    /// every key, for an empty prefix).
    static func rangeEnd(ofPrefix prefix: String) -> [UInt8] {
        var bytes = Array(prefix.utf8)
        while let last = bytes.last {
            if last < 0xFF {
                bytes[bytes.count - 1] = last + 1
                return bytes
            }
            bytes.removeLast()
        }
        return [0]
    }
}
