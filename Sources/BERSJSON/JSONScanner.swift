/// The state of one parse: a cursor over the input bytes, the current line, and the positions recorded so far.
///
/// ``JSONParser`` creates one per document; it never escapes the parse call.
///
/// The parser is iterative: open arrays and objects live on explicit stacks, so nesting depth is
/// bounded by ``JSONParser/Options/maxDepth`` and never by the thread's stack.
struct JSONScanner: ~Copyable {
    /// The whole input.
    let input: UnsafeBufferPointer<UInt8>
    /// `input.count`.
    let end: Int
    /// The start of `input`, for reading eight bytes at a time (`nil` when it is empty).
    let raw: UnsafeRawPointer?
    /// The first byte after a leading byte order mark (0 when there is none).
    let start: Int
    /// The file name used in locations.
    let file: String
    /// Deepest allowed nesting.
    let maxDepth: Int

    /// The next byte to read.
    var index: Int
    /// The current 1-based line.
    var line: UInt32 = 1
    /// The offset of the first byte of the current line.
    var lineStart: Int
    /// Continuation bytes of multi-byte scalars on the current line before ``index``: the
    /// difference between a byte column and a scalar column.
    var lineContinuationBytes = 0

    /// A reusable buffer for strings with escapes.
    var scratch: [UInt8] = []

    init(input: UnsafeBufferPointer<UInt8>, file: String, options: JSONParser.Options) {
        self.input = input
        self.end = input.count
        self.raw = UnsafeRawPointer(input.baseAddress)
        self.file = file
        self.maxDepth = options.maxDepth
        let hasBOM = input.count >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF
        self.start = hasBOM ? 3 : 0
        self.index = start
        self.lineStart = start
    }

    /// The byte at `offset`, or 0 past the end (0 is never valid where a token is expected).
    @inline(__always)
    func byte(at offset: Int) -> UInt8 {
        offset < end ? input[offset] : 0
    }

    /// The position of ``index``: line, and column in Unicode scalars.
    @inline(__always)
    var position: SourcePosition {
        SourcePosition(line: line, column: UInt32(truncatingIfNeeded: index - lineStart - lineContinuationBytes + 1))
    }

    /// Skips JSON whitespace (space, tab, line feed, carriage return), counting lines.
    ///
    /// A line ends at LF, CRLF or a lone CR.
    @inline(__always)
    mutating func skipWhitespace() {
        while index < end {
            let byte = input[index]
            if byte > Byte.space { return }
            if byte == Byte.space || byte == Byte.tab {
                index += 1
            } else if byte == Byte.lineFeed {
                index += 1
                startLine()
                skipSpaceRun()
            } else if byte == Byte.carriageReturn {
                index += 1
                if index < end && input[index] == Byte.lineFeed { index += 1 }
                startLine()
            } else {
                return
            }
        }
    }

    /// Skips spaces eight at a time: the indentation of pretty-printed JSON.
    @inline(__always)
    private mutating func skipSpaceRun() {
        #if _endian(little)
        guard let raw else { return }
        while index &+ 8 <= end {
            let notSpaces = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ Word.spaces
            if notSpaces != 0 {
                index &+= notSpaces.trailingZeroBitCount &>> 3
                return
            }
            index &+= 8
        }
        #endif
    }

    @inline(__always)
    private mutating func startLine() {
        line &+= 1
        lineStart = index
        lineContinuationBytes = 0
    }
}

/// Eight-byte patterns for scanning a word at a time (SWAR).
enum Word {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highBits: UInt64 = 0x8080_8080_8080_8080
    static let spaces: UInt64 = 0x2020_2020_2020_2020
    static let quotes: UInt64 = 0x2222_2222_2222_2222
    static let backslashes: UInt64 = 0x5C5C_5C5C_5C5C_5C5C

    /// The high bit of the first byte (in memory order, little-endian) of `word` that is a
    /// quote, a backslash, a control character or not ASCII, and maybe of later bytes; 0 when
    /// there is none.
    @inline(__always)
    static func stringSpecials(_ word: UInt64) -> UInt64 {
        let quote = word ^ quotes
        let backslash = word ^ backslashes
        let hasQuote = (quote &- ones) & ~quote
        let hasBackslash = (backslash &- ones) & ~backslash
        let hasControl = word &- spaces
        return (hasQuote | hasBackslash | hasControl | word) & highBits
    }
}

/// ASCII bytes the parser looks for.
enum Byte {
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let minus: UInt8 = 0x2D
    static let period: UInt8 = 0x2E
    static let slash: UInt8 = 0x2F
    static let zero: UInt8 = 0x30
    static let nine: UInt8 = 0x39
    static let colon: UInt8 = 0x3A
    static let upperE: UInt8 = 0x45
    static let openBracket: UInt8 = 0x5B
    static let backslash: UInt8 = 0x5C
    static let closeBracket: UInt8 = 0x5D
    static let lowerE: UInt8 = 0x65
    static let lowerF: UInt8 = 0x66
    static let lowerN: UInt8 = 0x6E
    static let lowerT: UInt8 = 0x74
    static let openBrace: UInt8 = 0x7B
    static let closeBrace: UInt8 = 0x7D

    /// Whether `byte` is an ASCII digit.
    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- zero < 10 }
}
