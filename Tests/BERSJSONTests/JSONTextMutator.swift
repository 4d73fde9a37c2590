/// Breaks valid JSON texts in the ways hand-written and hostile JSON is broken: byte flips,
/// truncation, deletions, and insertions of things RFC 8259 forbids (trailing commas, leading
/// zeros, `NaN`, comments, single quotes, raw control characters, lone surrogates, invalid UTF-8,
/// misplaced byte order marks, trailing garbage), plus a few that it allows but BERS rejects by
/// policy (repeated keys, nesting past the depth limit).
///
/// Some mutations leave the text valid (a flipped digit); the oracle decides, not the mutator.
struct JSONTextMutator {
    /// Snippets inserted anywhere, or just after a quote (inside a string).
    static let snippets: [[UInt8]] = [
        ",", "]", "}", "[", "{", ":", "\"", "0", "-", ".", "e", "+", "NaN", "Infinity", "-Infinity", "'x'",
        "//c\n", "/*c*/", "#", "\u{1}", "\u{1F}", "\u{0}", "\t", "\n", "\\ud800", "\\udc00", "\\uD83D",
        "\\uDE00\\uD83D", "\\uD800\\u0041", "\\x41", "\\'", "\\a", "\\u12", "\\uGGGG", "\\", "01", "1.", ".5",
        "tru", "nul", "True", "undefined", "\u{A0}", "\u{C}", "\u{B}", "\u{FEFF}", "\u{2028}", "1e", "0x10", "1e400",
        "-2e308",
        "1.7976931348623159e308", "9e999999999",
    ]
    .map { Array($0.utf8) }

    /// Byte sequences that are not UTF-8: overlong, encoded surrogate, above U+10FFFF, stray
    /// continuation, truncated, never-valid bytes.
    static let invalidUTF8: [[UInt8]] = [
        [0xC0, 0xAF], [0xC1, 0xBF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],
        [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0x80], [0xBF], [0xE2, 0x82], [0xF0, 0x9F, 0x98],
        [0xFE], [0xFF], [0xC3],
    ]

    /// Bytes a flip is biased towards: structure, digits, escapes and high bytes.
    static let interestingBytes: [UInt8] =
        Array(",:[]{}\"\\0-.eE+ \t\n\r/'".utf8) + [0x00, 0x1F, 0x7F, 0x80, 0xC3, 0xFF]

    /// One random mutation of `text`.
    static func mutate(_ text: [UInt8], using generator: inout JSONTextGenerator) -> [UInt8] {
        var bytes = text
        switch generator.below(12) {
        case 0: flip(&bytes, using: &generator)
        case 1: if !bytes.isEmpty { bytes.removeLast(1 + generator.below(bytes.count)) }
        case 2: if !bytes.isEmpty { bytes.remove(at: generator.below(bytes.count)) }
        case 3: insert(generator.pick(snippets), into: &bytes, using: &generator)
        case 4: insert(generator.pick(snippets), into: &bytes, after: UInt8(ascii: "\""), using: &generator)
        case 5: insert(generator.pick(invalidUTF8), into: &bytes, after: UInt8(ascii: "\""), using: &generator)
        case 6:
            insert(Array(",".utf8), into: &bytes, before: [UInt8(ascii: "]"), UInt8(ascii: "}")], using: &generator)
        case 7: insert(Array("0".utf8), into: &bytes, before: Array("0123456789".utf8), using: &generator)
        case 8:
            bytes += generator.pick(["x", "1", "{}", "\u{0}", ",", " ]", "\u{FEFF}", "null"].map { Array($0.utf8) })
        case 9: bytes = policyCase(generator.below(5), using: &generator)
        case 10: insert([0xEF, 0xBB, 0xBF], into: &bytes, using: &generator)
        default:
            flip(&bytes, using: &generator)
            insert(generator.pick(snippets), into: &bytes, using: &generator)
        }
        return bytes
    }

    /// Replaces one byte, usually by an interesting one.
    private static func flip(_ bytes: inout [UInt8], using generator: inout JSONTextGenerator) {
        guard !bytes.isEmpty else { return }
        let replacement = generator.chance(2, in: 3) ? generator.pick(interestingBytes) : UInt8(generator.below(256))
        bytes[generator.below(bytes.count)] = replacement
    }

    /// Inserts `snippet` at a random offset.
    private static func insert(_ snippet: [UInt8], into bytes: inout [UInt8], using generator: inout JSONTextGenerator)
    {
        bytes.insert(contentsOf: snippet, at: generator.below(bytes.count + 1))
    }

    /// Inserts `snippet` just after a random occurrence of `marker` (anywhere when there is none).
    private static func insert(
        _ snippet: [UInt8],
        into bytes: inout [UInt8],
        after marker: UInt8,
        using generator: inout JSONTextGenerator
    ) {
        let offsets = bytes.indices.filter { bytes[$0] == marker }
        guard !offsets.isEmpty else { return insert(snippet, into: &bytes, using: &generator) }
        bytes.insert(contentsOf: snippet, at: generator.pick(offsets) + 1)
    }

    /// Inserts `snippet` just before a random byte that is one of `markers` (anywhere when there is none).
    private static func insert(
        _ snippet: [UInt8],
        into bytes: inout [UInt8],
        before markers: [UInt8],
        using generator: inout JSONTextGenerator
    ) {
        let offsets = bytes.indices.filter { markers.contains(bytes[$0]) }
        guard !offsets.isEmpty else { return insert(snippet, into: &bytes, using: &generator) }
        bytes.insert(contentsOf: snippet, at: generator.pick(offsets))
    }

    /// Texts RFC 8259 allows but BERS rejects by documented policy, and their allowed neighbours:
    /// repeated keys (byte-equal, or equal only after escapes or canonical equivalence), nesting
    /// at and past the 512-level limit, and numbers at and past the range of a double.
    private static func policyCase(_ kind: Int, using generator: inout JSONTextGenerator) -> [UInt8] {
        switch kind {
        case 0:
            let keys = generator.pick([
                ("a", "a"), ("a", "\\u0061"), ("\u{E9}", "e\u{301}"), ("\u{E9}", "\\u00e9"), ("a", "b"),
            ])
            return Array("{\"\(keys.0)\":1,\"\(keys.1)\":2}".utf8)
        case 1:
            let depth = 510 + generator.below(5)
            return Array(repeating: UInt8(ascii: "["), count: depth) + Array(repeating: UInt8(ascii: "]"), count: depth)
        case 2:
            let depth = 510 + generator.below(5)
            return Array(String(repeating: "{\"k\":", count: depth - 1).utf8) + Array("{}".utf8)
                + Array(repeating: UInt8(ascii: "}"), count: depth - 1)
        case 3:
            let number = generator.pick([
                "1e400", "-2e308", "1.7976931348623159e308", "1.7976931348623158e308", "9e-999",
            ])
            return Array("[0, \(number)]".utf8)
        default:
            let keys = (0..<20).map { "k\($0)" } + [generator.pick(["k7", "k\\u0037", "k20"])]
            return Array(("{" + keys.map { "\"\($0)\":0" }.joined(separator: ",") + "}").utf8)
        }
    }
}
