/// Validation of one UTF-8 sequence, following Table 3-7 of the Unicode Standard ("Well-Formed
/// UTF-8 Byte Sequences"): no overlong forms, no encoded surrogates, nothing above U+10FFFF, no
/// truncated sequences.
enum UTF8Validation {
    /// Why a byte sequence is not UTF-8.
    enum Failure: Sendable, Equatable {
        /// A continuation byte (`10xxxxxx`) where a sequence should start.
        case unexpectedContinuation
        /// A longer encoding of a scalar that has a shorter one (`C0 AF` for `/`).
        case overlong
        /// An encoded UTF-16 surrogate (`ED A0 80` for U+D800).
        case surrogate
        /// A scalar above U+10FFFF.
        case tooLarge
        /// A byte that never occurs in UTF-8 (`F8`–`FF`).
        case invalidByte
        /// A sequence cut short by the end of input or by a byte that is not a continuation.
        case truncated

        /// A few words naming the failure.
        var reason: String {
            switch self {
            case .unexpectedContinuation: "unexpected continuation byte"
            case .overlong: "overlong encoding"
            case .surrogate: "encoded UTF-16 surrogate"
            case .tooLarge: "code point above U+10FFFF"
            case .invalidByte: "byte that never occurs in UTF-8"
            case .truncated: "truncated sequence"
            }
        }
    }

    /// The outcome of validating the sequence at one offset.
    struct Outcome {
        /// The length of the sequence, or of the bytes examined when it is invalid (at least 1).
        var length: Int
        /// Why it is invalid, or `nil` when it is a well-formed scalar.
        var failure: Failure?
    }

    /// Validates the sequence starting at `offset` (which must be below `input.count`).
    @inline(__always)
    static func validate(_ input: UnsafeBufferPointer<UInt8>, at offset: Int) -> Outcome {
        let lead = input[offset]
        if lead < 0x80 { return Outcome(length: 1, failure: nil) }
        // The allowed range of the second byte, and the total length.
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        var narrowFailure = Failure.overlong
        switch lead {
        case 0x80...0xBF: return Outcome(length: 1, failure: .unexpectedContinuation)
        case 0xC0, 0xC1: return Outcome(length: 1, failure: .overlong)
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            low = 0xA0
        case 0xE1...0xEC, 0xEE, 0xEF: length = 3
        case 0xED:
            length = 3
            high = 0x9F
            narrowFailure = .surrogate
        case 0xF0:
            length = 4
            low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            high = 0x8F
            narrowFailure = .tooLarge
        case 0xF5...0xF7: return Outcome(length: 1, failure: .tooLarge)
        default: return Outcome(length: 1, failure: .invalidByte)
        }
        let end = input.count
        guard offset + 1 < end else { return Outcome(length: 1, failure: .truncated) }
        let second = input[offset + 1]
        guard second & 0xC0 == 0x80 else { return Outcome(length: 1, failure: .truncated) }
        guard second >= low && second <= high else { return Outcome(length: 2, failure: narrowFailure) }
        for extra in 2..<length {
            guard offset + extra < end, input[offset + extra] & 0xC0 == 0x80 else {
                return Outcome(length: extra, failure: .truncated)
            }
        }
        return Outcome(length: length, failure: nil)
    }

    /// Decodes the well-formed sequence of `length` bytes at `offset`.
    static func decode(_ input: UnsafeBufferPointer<UInt8>, at offset: Int, length: Int) -> Unicode.Scalar? {
        let lead = UInt32(input[offset])
        var value: UInt32
        switch length {
        case 1: return Unicode.Scalar(lead)
        case 2: value = lead & 0x1F
        case 3: value = lead & 0x0F
        default: value = lead & 0x07
        }
        for extra in 1..<length {
            value = value << 6 | UInt32(input[offset + extra] & 0x3F)
        }
        return Unicode.Scalar(value)
    }
}
