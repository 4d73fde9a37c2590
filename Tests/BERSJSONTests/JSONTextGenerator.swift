import BERSTestSupport

/// Generates JSON texts for the differential test: valid documents with every number shape and
/// string escape, written with random whitespace, from a seeded ``SplitMix64``, so the same seed
/// always gives the same texts.
///
/// Keys within one object are distinct as Swift strings (so also not canonically equivalent):
/// repeated keys are one of the mutations of ``JSONTextMutator``, not something a valid document has.
struct JSONTextGenerator {
    /// The source of randomness.
    var random: SplitMix64
    /// The text written so far.
    private(set) var output: [UInt8] = []

    /// A generator drawing from `random`.
    init(random: SplitMix64) {
        self.random = random
    }

    /// A whole valid document: any value (scalars too), nested at most `maxDepth` levels.
    mutating func document(maxDepth: Int = 5) -> [UInt8] {
        output.removeAll(keepingCapacity: true)
        if chance(1, in: 20) { output += [0xEF, 0xBB, 0xBF] }
        whitespace()
        value(depth: 0, maxDepth: maxDepth)
        whitespace()
        return output
    }

    // MARK: - Randomness

    /// A number in `0..<bound`.
    mutating func below(_ bound: Int) -> Int {
        Int(random.next() % UInt64(bound))
    }

    /// True `count` times in `total`.
    mutating func chance(_ count: Int, in total: Int) -> Bool {
        below(total) < count
    }

    /// One element of `choices`.
    mutating func pick<T>(_ choices: [T]) -> T {
        choices[below(choices.count)]
    }

    // MARK: - Values

    private mutating func value(depth: Int, maxDepth: Int) {
        let kinds = depth >= maxDepth ? 4 : 6
        switch below(kinds) {
        case 0: output += Array(pick(["null", "true", "false"]).utf8)
        case 1, 2: number()
        case 3: string()
        case 4: array(depth: depth, maxDepth: maxDepth)
        default: object(depth: depth, maxDepth: maxDepth)
        }
    }

    private mutating func array(depth: Int, maxDepth: Int) {
        output.append(UInt8(ascii: "["))
        whitespace()
        let count = below(6)
        for index in 0..<count {
            if index > 0 { separator(",") }
            value(depth: depth + 1, maxDepth: maxDepth)
            whitespace()
        }
        output.append(UInt8(ascii: "]"))
    }

    private mutating func object(depth: Int, maxDepth: Int) {
        output.append(UInt8(ascii: "{"))
        whitespace()
        var keys: Set<String> = []
        for _ in 0..<below(6) {
            let (text, decoded) = key()
            guard keys.insert(decoded).inserted else { continue }
            if keys.count > 1 { separator(",") }
            output += text
            separator(":")
            value(depth: depth + 1, maxDepth: maxDepth)
            whitespace()
        }
        output.append(UInt8(ascii: "}"))
    }

    /// A key as written (escapes and all) and as decoded.
    private mutating func key() -> ([UInt8], String) {
        let saved = output
        output.removeAll(keepingCapacity: true)
        let decoded = string()
        let text = output
        output = saved
        return (text, decoded)
    }

    /// `character` surrounded by random whitespace.
    private mutating func separator(_ character: Unicode.Scalar) {
        whitespace()
        output.append(UInt8(ascii: character))
        whitespace()
    }

    /// Zero to three of the four JSON whitespace characters.
    private mutating func whitespace() {
        guard chance(1, in: 3) else { return }
        for _ in 0...below(3) { output.append(pick([0x20, 0x09, 0x0A, 0x0D])) }
    }

    // MARK: - Numbers

    /// Number texts chosen for their edges: `Int64` and `UInt64` limits, `-0`, the extremes of
    /// `Double`, underflow to zero, and values Foundation turns into `Decimal`. (Numbers past the
    /// range of a double, which BERS rejects by policy, come from ``JSONTextMutator``.)
    static let edgeNumbers = [
        "0", "-0", "0.0", "-0.0", "0e0", "-0E-0", "1e007", "9223372036854775807", "-9223372036854775808",
        "9223372036854775808", "-9223372036854775809", "18446744073709551615", "18446744073709551616",
        "1.7976931348623157e308", "-1.7976931348623157e308", "4.9e-324", "2.4e-324", "2.5e-324", "1e-400",
        "-1e-400", "2.2250738585072014e-308", "0.1", "1e22", "1e23", "9007199254740993", "1.00000000000000000001",
        "123456789012345678901234567890.5", "0.30000000000000004", "5e-324", "1E+2",
        "100000000000000000000000000000000000000000", "0.000000000000000000000000000000000000000000001",
    ]

    /// A number of any shape: an edge, an integer, or a mantissa with fraction and exponent.
    private mutating func number() {
        if chance(1, in: 5) {
            output += Array(pick(Self.edgeNumbers).utf8)
            return
        }
        if chance(1, in: 2) { output.append(UInt8(ascii: "-")) }
        integerPart()
        if chance(1, in: 2) {
            output.append(UInt8(ascii: "."))
            digits(count: 1 + below(chance(1, in: 4) ? 30 : 6))
        }
        if chance(1, in: 3) {
            output.append(UInt8(ascii: pick(["e", "E"])))
            // Large exponents are negative only (down to underflow), so the value stays finite.
            let large = chance(1, in: 8)
            if large || chance(1, in: 2) {
                output.append(UInt8(ascii: "-"))
            } else if chance(1, in: 2) {
                output.append(UInt8(ascii: "+"))
            }
            let exponent = large ? 280 + below(100) : below(30)
            if chance(1, in: 8) { output.append(UInt8(ascii: "0")) }
            output += Array(String(exponent).utf8)
        }
    }

    /// `0`, or a non-zero digit and more digits (up to 45 of them: past `Int64` and `UInt64`).
    private mutating func integerPart() {
        if chance(1, in: 6) {
            output.append(UInt8(ascii: "0"))
            return
        }
        output.append(UInt8(ascii: "1") + UInt8(below(9)))
        let extra = chance(1, in: 5) ? 15 + below(30) : below(5)
        digits(count: extra)
    }

    private mutating func digits(count: Int) {
        for _ in 0..<count { output.append(UInt8(ascii: "0") + UInt8(below(10))) }
    }

    // MARK: - Strings

    /// Characters written raw: ASCII, Latin, combining marks, CJK, a non-character, line and
    /// paragraph separators, and emoji (four UTF-8 bytes).
    static let rawPieces = [
        "a", "Z", " ", "~", "é", "e\u{301}", "ж", "中", "\u{FFFF}", "\u{2028}", "\u{2029}", "🐲", "😀", "\u{7F}",
        "\u{80}", "\u{10FFFF}", "/",
    ]

    /// Escapes: every short form, `\u` in both cases of hex, and surrogate pairs.
    static let escapePieces = [
        "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t", "\\u0000", "\\u001f", "\\u0041", "\\u00e9",
        "\\u00E9", "\\u4E2D", "\\uFFFF", "\\ufeff", "\\uD83D\\uDE00", "\\ud83d\\ude00", "\\uDBFF\\uDFFF",
        "\\uD800\\uDC00", "\\u2028", "\\u0301",
    ]

    /// Writes a string of random pieces and returns its decoded value.
    @discardableResult
    private mutating func string() -> String {
        output.append(UInt8(ascii: "\""))
        var decoded = ""
        for _ in 0..<below(7) {
            if chance(1, in: 3) {
                let piece = pick(Self.escapePieces)
                output += Array(piece.utf8)
                decoded += Self.decodeEscape(piece)
            } else {
                let piece = pick(Self.rawPieces)
                output += Array(piece.utf8)
                decoded += piece
            }
        }
        output.append(UInt8(ascii: "\""))
        return decoded
    }

    /// The text an escape piece of ``escapePieces`` stands for.
    static func decodeEscape(_ piece: String) -> String {
        let simple: [String: String] = [
            "\\\"": "\"", "\\\\": "\\", "\\/": "/", "\\b": "\u{8}", "\\f": "\u{C}", "\\n": "\n", "\\r": "\r",
            "\\t": "\t",
        ]
        if let text = simple[piece] { return text }
        let units = piece.split(separator: "\\").compactMap { UInt16($0.dropFirst(), radix: 16) }
        return String(decoding: units, as: UTF16.self)
    }
}
