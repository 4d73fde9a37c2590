/// Building errors. None of this runs unless the input is bad, so it favours clarity: a location
/// is computed by re-reading the input up to the offending byte.
extension JSONScanner {
    /// The `file:line:col` of the byte at `offset`: lines end at LF, CRLF or a lone CR; columns
    /// count Unicode scalars; a leading byte order mark is not counted.
    func location(ofOffset offset: Int) -> SourceLocation {
        var line = 1
        var lineStart = start
        var cursor = start
        let limit = min(offset, end)
        while cursor < limit {
            let current = input[cursor]
            if current == Byte.lineFeed {
                line += 1
                lineStart = cursor + 1
            } else if current == Byte.carriageReturn && byte(at: cursor + 1) != Byte.lineFeed {
                line += 1
                lineStart = cursor + 1
            }
            cursor += 1
        }
        var column = 1
        for scan in lineStart..<max(lineStart, limit) where input[scan] & 0xC0 != 0x80 {
            column += 1
        }
        if offset > end { column += offset - end }
        return SourceLocation(file: file, line: line, column: column)
    }

    /// An error located at the byte at `offset`.
    func error(_ code: JSONError.Code, _ message: String, at offset: Int) -> JSONError {
        JSONError(code, message, location: location(ofOffset: offset))
    }

    /// What is at `offset`, for "found ..." in messages: `'x'`, `end of input`, or a control
    /// character by its code point.
    func describe(at offset: Int) -> String {
        guard offset < end else { return "end of input" }
        let byte = input[offset]
        if byte < Byte.space || byte == 0x7F {
            return "control character U+00\(hex(UInt16(byte)).suffix(2))"
        }
        if byte < 0x80 { return "'\(Character(Unicode.Scalar(byte)))'" }
        let outcome = UTF8Validation.validate(input, at: offset)
        if outcome.failure == nil, let scalar = UTF8Validation.decode(input, at: offset, length: outcome.length) {
            return "'\(Character(scalar))'"
        }
        return "byte 0x\(hex(UInt16(byte)).suffix(2))"
    }

    /// A syntax error at `index`: "expected X, found Y".
    ///
    /// Invalid UTF-8 there is reported as such, and the end of input as ``JSONError/Code/unexpectedEnd``.
    func unexpected(expected: String) -> JSONError {
        if index >= end {
            return error(.unexpectedEnd, "expected \(expected), found end of input", at: index)
        }
        let outcome = UTF8Validation.validate(input, at: index)
        if let failure = outcome.failure { return invalidUTF8(failure, at: index, length: outcome.length) }
        return error(.syntax, "expected \(expected), found \(describe(at: index))", at: index)
    }

    /// Content after the top-level value.
    func trailingContent() -> JSONError {
        let outcome = UTF8Validation.validate(input, at: index)
        if let failure = outcome.failure { return invalidUTF8(failure, at: index, length: outcome.length) }
        return error(
            .trailingContent,
            "unexpected \(describe(at: index)) after the top-level value",
            at: index
        )
    }

    /// A literal (`true`, `false`, `null`) that matched only `matched` bytes.
    func badLiteral(expected: String, matched: Int) -> JSONError {
        if index + matched >= end {
            return error(.unexpectedEnd, "expected '\(expected)', found end of input", at: index + matched)
        }
        return error(.syntax, "expected '\(expected)', found '\(token(at: index))'", at: index)
    }

    /// A malformed number starting at `numberStart`, located at `offset`.
    func badNumber(from numberStart: Int, at offset: Int, _ reason: String) -> JSONError {
        if offset >= end {
            return error(
                .unexpectedEnd,
                "invalid number '\(token(at: numberStart))': \(reason), found end of input",
                at: offset
            )
        }
        return error(.invalidNumber, "invalid number '\(token(at: numberStart))': \(reason)", at: offset)
    }

    /// The word at `offset` (letters, digits, `+ - .`), at most 32 bytes, for messages.
    func token(at offset: Int) -> String {
        var cursor = offset
        while cursor < end && cursor - offset < 32 {
            let byte = input[cursor]
            let isWordByte =
                Byte.isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                || byte == Byte.plus || byte == Byte.minus || byte == Byte.period
            guard isWordByte else { break }
            cursor += 1
        }
        return makeString(offset..<max(cursor, min(offset + 1, end)))
    }

    /// A string still open at the end of input.
    func unterminatedString(openingQuote: Int) -> JSONError {
        let opened = location(ofOffset: openingQuote)
        return JSONError(
            .unexpectedEnd,
            "unterminated string (opened at \(opened)), found end of input",
            location: location(ofOffset: end)
        )
    }

    /// A raw control character inside a string.
    func controlCharacter(_ byte: UInt8) -> JSONError {
        let hint: String
        switch byte {
        case Byte.lineFeed: hint = "; write it as \\n"
        case Byte.carriageReturn: hint = "; write it as \\r"
        case Byte.tab: hint = "; write it as \\t"
        default: hint = "; write it as \\u00\(hex(UInt16(byte)).suffix(2))"
        }
        return error(
            .controlCharacter,
            "unescaped control character U+00\(hex(UInt16(byte)).suffix(2)) in string\(hint)",
            at: index
        )
    }

    /// A backslash followed by something that is not an escape.
    func badEscape(at offset: Int) -> JSONError {
        if offset + 1 >= end {
            return error(.unexpectedEnd, "expected an escape after '\\', found end of input", at: offset + 1)
        }
        return error(
            .invalidEscape,
            "invalid escape '\\' followed by \(describe(at: offset + 1)) in string; "
                + "valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX",
            at: offset
        )
    }

    /// Bytes that are not UTF-8.
    func invalidUTF8(_ failure: UTF8Validation.Failure, at offset: Int, length: Int) -> JSONError {
        let shown = (offset..<min(end, offset + max(length, 1)))
            .map { "0x\(hex(UInt16(input[$0])).suffix(2))" }
            .joined(separator: " ")
        return error(.invalidUTF8, "invalid UTF-8: \(failure.reason) (\(shown))", at: offset)
    }

    /// The second occurrence of a key in one object.
    func duplicateKey(_ key: String, at offset: Int, firstAt firstOffset: Int) -> JSONError {
        let first = location(ofOffset: firstOffset)
        return JSONError(
            .duplicateKey,
            "duplicate key \(JSONValue.string(key).jsonText) (first defined at \(first))",
            location: location(ofOffset: offset),
            relatedLocation: first
        )
    }
}
