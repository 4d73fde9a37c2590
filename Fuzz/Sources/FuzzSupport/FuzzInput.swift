/// The bytes of one fuzz input, cut into the parts a target needs.
///
/// Multi-part targets (a schema and an instance, a pattern and a subject) separate parts with a
/// NUL byte, which no JSON or YAML text contains, so seeds stay readable and mutations can move
/// the boundary.
public struct FuzzInput: Sendable {
    /// The whole input.
    public let bytes: [UInt8]

    /// Copies the input libFuzzer hands to `LLVMFuzzerTestOneInput`.
    public init(_ start: UnsafePointer<UInt8>?, _ count: Int) {
        guard let start, count > 0 else {
            bytes = []
            return
        }
        bytes = Array(UnsafeBufferPointer(start: start, count: count))
    }

    /// Wraps bytes (seeds in tests of the harness).
    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// The input split at NUL bytes; at most `limit` parts (the last one keeps later NULs).
    public func parts(limit: Int) -> [ArraySlice<UInt8>] {
        bytes.split(separator: 0, maxSplits: max(0, limit - 1), omittingEmptySubsequences: false)
    }

    /// The input as text, invalid UTF-8 repaired (for parsers that take `String`).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// One part as text, invalid UTF-8 repaired.
    public static func text(_ part: ArraySlice<UInt8>) -> String { String(decoding: part, as: UTF8.self) }
}
