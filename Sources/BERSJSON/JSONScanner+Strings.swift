extension JSONScanner {
    /// Reads a string whose opening quote is at `openingQuote`; `index` is just after it.
    ///
    /// Leaves `index` after the closing quote.
    ///
    /// ASCII text without escapes (most keys and values) is found by one tight loop and copied
    /// into the `String` in one go; anything else goes to ``parseStringSlowly(from:openingQuote:)``.
    @inline(__always)
    mutating func parseString(openingQuote: Int) throws(JSONError) -> String {
        let contentStart = index
        let cursor = plainRunEnd(from: index)
        if cursor < end && input[cursor] == Byte.quote {
            index = cursor + 1
            return makeString(contentStart..<cursor)
        }
        index = cursor
        return try parseStringSlowly(from: contentStart, openingQuote: openingQuote)
    }

    /// The offset of the first byte from `start` on that is a quote, a backslash, a control
    /// character or not ASCII (`end` when there is none), eight bytes at a time.
    @inline(__always)
    func plainRunEnd(from start: Int) -> Int {
        var cursor = start
        #if _endian(little)
        if let raw {
            while cursor &+ 8 <= end {
                let specials = Word.stringSpecials(raw.loadUnaligned(fromByteOffset: cursor, as: UInt64.self))
                if specials != 0 { return cursor &+ (specials.trailingZeroBitCount &>> 3) }
                cursor &+= 8
            }
        }
        #endif
        while cursor < end {
            let byte = input[cursor]
            if byte == Byte.quote || byte == Byte.backslash || byte < Byte.space || byte >= 0x80 { return cursor }
            cursor += 1
        }
        return cursor
    }

    /// The string made of the (already validated) bytes in `range`.
    @inline(__always)
    func makeString(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: input[range]), as: UTF8.self)
    }

    /// Reads the rest of a string that has escapes, non-ASCII text or a problem.
    ///
    /// `index` is at the first byte the fast path did not take; `contentStart` is just after the opening quote.
    @inline(never)
    mutating func parseStringSlowly(from contentStart: Int, openingQuote: Int) throws(JSONError) -> String {
        var hasEscapes = false
        var runStart = contentStart
        while true {
            guard index < end else { throw unterminatedString(openingQuote: openingQuote) }
            let byte = input[index]
            if byte == Byte.quote { break }
            if byte == Byte.backslash {
                if !hasEscapes {
                    hasEscapes = true
                    scratch.removeAll(keepingCapacity: true)
                }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index]))
                try parseEscape()
                runStart = index
            } else if byte < Byte.space {
                throw controlCharacter(byte)
            } else if byte >= 0x80 {
                let outcome = UTF8Validation.validate(input, at: index)
                if let failure = outcome.failure { throw invalidUTF8(failure, at: index, length: outcome.length) }
                lineContinuationBytes += outcome.length - 1
                index += outcome.length
            } else {
                index += 1
            }
        }
        let text: String
        if hasEscapes {
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: input[runStart..<index]))
            text = String(decoding: scratch, as: UTF8.self)
        } else {
            text = makeString(contentStart..<index)
        }
        index += 1
        return text
    }

    /// Reads one escape sequence at `index` (the backslash) and appends its UTF-8 to `scratch`.
    private mutating func parseEscape() throws(JSONError) {
        let escapeStart = index
        let kind = byte(at: index + 1)
        let simple: UInt8
        switch kind {
        case Byte.quote: simple = Byte.quote
        case Byte.backslash: simple = Byte.backslash
        case Byte.slash: simple = Byte.slash
        case 0x62: simple = 0x08  // b
        case Byte.lowerF: simple = 0x0C
        case Byte.lowerN: simple = Byte.lineFeed
        case 0x72: simple = Byte.carriageReturn  // r
        case Byte.lowerT: simple = Byte.tab
        case 0x75:  // u
            try parseUnicodeEscape()
            return
        default:
            throw badEscape(at: escapeStart)
        }
        scratch.append(simple)
        index += 2
    }

    /// Reads `\uXXXX` (and the `\uXXXX` low surrogate after a high one) at `index`.
    private mutating func parseUnicodeEscape() throws(JSONError) {
        let escapeStart = index
        let unit = try hexQuad(at: index + 2, escapeStart: escapeStart)
        index += 6
        var scalarValue = UInt32(unit)
        if unit >= 0xDC00 && unit <= 0xDFFF {
            throw error(
                .invalidEscape,
                "lone low surrogate \\u\(hex(unit)) in string; a low surrogate must follow a high one",
                at: escapeStart
            )
        }
        if unit >= 0xD800 && unit <= 0xDBFF {
            guard byte(at: index) == Byte.backslash, byte(at: index + 1) == 0x75 else {
                throw error(
                    .invalidEscape,
                    "lone high surrogate \\u\(hex(unit)) in string; it must be followed by a \\u escape of a low surrogate",
                    at: escapeStart
                )
            }
            let low = try hexQuad(at: index + 2, escapeStart: index)
            guard low >= 0xDC00 && low <= 0xDFFF else {
                throw error(
                    .invalidEscape,
                    "high surrogate \\u\(hex(unit)) is followed by \\u\(hex(low)), which is not a low surrogate",
                    at: escapeStart
                )
            }
            index += 6
            scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
        }
        appendUTF8(scalarValue)
    }

    /// The value of the four hex digits at `offset`.
    private func hexQuad(at offset: Int, escapeStart: Int) throws(JSONError) -> UInt16 {
        var value: UInt16 = 0
        for digitOffset in offset..<offset + 4 {
            let digit = byte(at: digitOffset)
            let nibble: UInt8
            switch digit {
            case Byte.zero...Byte.nine: nibble = digit - Byte.zero
            case 0x41...0x46: nibble = digit - 0x41 + 10
            case 0x61...0x66: nibble = digit - 0x61 + 10
            default:
                if digitOffset >= end {
                    throw error(.unexpectedEnd, "expected 4 hex digits after \\u, found end of input", at: end)
                }
                throw error(
                    .invalidEscape,
                    "invalid \\u escape: expected 4 hex digits, found \(describe(at: digitOffset))",
                    at: escapeStart
                )
            }
            value = value << 4 | UInt16(nibble)
        }
        return value
    }

    /// Appends the UTF-8 encoding of a scalar value (never a surrogate) to `scratch`.
    private mutating func appendUTF8(_ value: UInt32) {
        switch value {
        case 0..<0x80:
            scratch.append(UInt8(value))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | value >> 6))
            scratch.append(UInt8(0x80 | value & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | value >> 12))
            scratch.append(UInt8(0x80 | value >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | value & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | value >> 18))
            scratch.append(UInt8(0x80 | value >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | value >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | value & 0x3F))
        }
    }

    /// Four uppercase hex digits.
    func hex(_ unit: UInt16) -> String {
        let digits = String(unit, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
