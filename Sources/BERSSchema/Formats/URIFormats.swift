/// `uri`, `uri-reference` (RFC 3986) and `iri`, `iri-reference` (RFC 3987).
///
/// One pass over the UTF-8 bytes with a character-class table; no allocation.
enum URIFormats {
    /// An absolute URI: `scheme:hier-part[?query][#fragment]`.
    static let isURI: @Sendable (String) -> Bool = { string in
        string.withUTF8Bytes { bytes in reference(bytes, iri: false, requireScheme: true) }
    }

    /// A URI or a relative reference.
    static let isURIReference: @Sendable (String) -> Bool = { string in
        string.withUTF8Bytes { bytes in reference(bytes, iri: false, requireScheme: false) }
    }

    /// An absolute IRI (URI syntax plus non-ASCII `ucschar`, and `iprivate` in the query).
    static let isIRI: @Sendable (String) -> Bool = { string in
        string.withUTF8Bytes { bytes in reference(bytes, iri: true, requireScheme: true) }
    }

    /// An IRI or a relative IRI reference.
    static let isIRIReference: @Sendable (String) -> Bool = { string in
        string.withUTF8Bytes { bytes in reference(bytes, iri: true, requireScheme: false) }
    }

    // Character classes of ASCII bytes.
    static let unreserved: UInt8 = 1
    static let subDelim: UInt8 = 2
    static let colonAt: UInt8 = 4  // ":" "@"
    static let slashQuestion: UInt8 = 8  // "/" "?"
    static let schemeChar: UInt8 = 16

    static let table: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 128)
        for byte in UInt8(0)..<128 {
            var flags: UInt8 = 0
            if byte.isASCIIAlpha || byte.isASCIIDigit || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E {
                flags |= unreserved
            }
            if "!$&'()*+,;=".utf8.contains(byte) { flags |= subDelim }
            if byte == 0x3A || byte == 0x40 { flags |= colonAt }
            if byte == 0x2F || byte == 0x3F { flags |= slashQuestion }
            if byte.isASCIIAlpha || byte.isASCIIDigit || byte == 0x2B || byte == 0x2D || byte == 0x2E {
                flags |= schemeChar
            }
            table[Int(byte)] = flags
        }
        return table
    }()

    /// Checks that `bytes[start..<end]` holds only bytes whose class is in `allowed`, valid
    /// `%XX` escapes, and (for IRIs) `ucschar` (or `iprivate` when `privateUse`).
    @inline(__always)
    static func chars(
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ start: Int,
        _ end: Int,
        _ allowed: UInt8,
        iri: Bool,
        privateUse: Bool = false
    ) -> Bool {
        table.withUnsafeBufferPointer { table in
            charsIn(table, bytes, start, end, allowed, iri: iri, privateUse: privateUse)
        }
    }

    @inline(__always)
    private static func charsIn(
        _ table: UnsafeBufferPointer<UInt8>,
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ start: Int,
        _ end: Int,
        _ allowed: UInt8,
        iri: Bool,
        privateUse: Bool
    ) -> Bool {
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte < 0x80 {
                if table[Int(byte)] & allowed != 0 {
                    index += 1
                } else if byte == 0x25 {
                    guard index + 2 < end,
                        bytes[index + 1].isHexDigit, bytes[index + 2].isHexDigit
                    else { return false }
                    index += 3
                } else {
                    return false
                }
            } else {
                guard iri else { return false }
                let (scalar, length) = decode(bytes, index, end)
                guard isUCSChar(scalar) || (privateUse && isPrivate(scalar)) else { return false }
                index += length
            }
        }
        return true
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[index])
        func continuation(_ offset: Int) -> UInt32 {
            index + offset < end ? UInt32(bytes[index + offset]) & 0x3F : 0
        }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | continuation(1), 2) }
        if lead < 0xF0 { return ((lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2), 3) }
        return ((lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3), 4)
    }

    static func isUCSChar(_ value: UInt32) -> Bool {
        switch value {
        case 0xA0...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFEF: return true
        case 0x10000...0xEFFFD: return value & 0xFFFE != 0xFFFE
        default: return false
        }
    }

    static func isPrivate(_ value: UInt32) -> Bool {
        switch value {
        case 0xE000...0xF8FF, 0xF0000...0xFFFFD, 0x100000...0x10FFFD: return true
        default: return false
        }
    }

    static func reference(_ bytes: UnsafeBufferPointer<UInt8>, iri: Bool, requireScheme: Bool) -> Bool {
        let count = bytes.count
        // Scheme.
        var index = 0
        var hasScheme = false
        if count > 0, bytes[0].isASCIIAlpha {
            var probe = 1
            while probe < count, bytes[probe] < 0x80, table[Int(bytes[probe])] & schemeChar != 0 { probe += 1 }
            if probe < count, bytes[probe] == 0x3A {
                hasScheme = true
                index = probe + 1
            }
        }
        if requireScheme, !hasScheme { return false }
        // Fragment and query bounds.
        var fragmentStart = count
        var queryStart = -1
        var probe = index
        while probe < count {
            let byte = bytes[probe]
            if byte == 0x23 {
                fragmentStart = probe
                break
            }
            if byte == 0x3F, queryStart < 0 { queryStart = probe }
            probe += 1
        }
        let hierEnd = queryStart >= 0 ? queryStart : fragmentStart
        let pcharSlash = unreserved | subDelim | colonAt | slashQuestion
        if fragmentStart < count, !chars(bytes, fragmentStart + 1, count, pcharSlash, iri: iri) { return false }
        if queryStart >= 0, !chars(bytes, queryStart + 1, fragmentStart, pcharSlash, iri: iri, privateUse: true) {
            return false
        }
        // Hierarchical part.
        var pathStart = index
        if hierEnd - index >= 2, bytes[index] == 0x2F, bytes[index + 1] == 0x2F {
            var authorityEnd = index + 2
            while authorityEnd < hierEnd, bytes[authorityEnd] != 0x2F { authorityEnd += 1 }
            guard authority(bytes, index + 2, authorityEnd, iri: iri) else { return false }
            pathStart = authorityEnd
        } else if !hasScheme {
            // path-noscheme: no ":" in the first segment.
            var segment = index
            while segment < hierEnd, bytes[segment] != 0x2F {
                if bytes[segment] == 0x3A { return false }
                segment += 1
            }
        }
        // The path ends at the first "?", so allowing "?" here only admits "/".
        return chars(bytes, pathStart, hierEnd, pcharSlash, iri: iri)
    }

    /// `[userinfo@]host[:port]`.
    static func authority(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, iri: Bool) -> Bool {
        var hostStart = start
        var at = start
        while at < end, bytes[at] != 0x40 { at += 1 }
        if at < end {
            // Up to the first "@", so no "@" in the userinfo; a second "@" fails the host.
            guard chars(bytes, start, at, unreserved | subDelim | colonAt, iri: iri) else { return false }
            hostStart = at + 1
        }
        var hostEnd = end
        if hostStart < end, bytes[hostStart] == 0x5B {  // IP-literal
            var close = hostStart + 1
            while close < end, bytes[close] != 0x5D { close += 1 }
            guard close < end, ipLiteral(bytes, hostStart + 1, close) else { return false }
            hostEnd = close + 1
            guard hostEnd == end || bytes[hostEnd] == 0x3A else { return false }
        } else {
            var colon = hostStart
            while colon < end, bytes[colon] != 0x3A { colon += 1 }
            hostEnd = colon
            guard chars(bytes, hostStart, hostEnd, unreserved | subDelim, iri: iri) else { return false }
        }
        if hostEnd < end {
            // ":" port
            for index in (hostEnd + 1)..<end where !bytes[index].isASCIIDigit { return false }
        }
        return true
    }

    /// IPv6address or IPvFuture (`v` 1*HEXDIG `.` 1*(unreserved / sub-delims / ":")).
    static func ipLiteral(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard start < end else { return false }
        if bytes[start] | 0x20 == 0x76 {
            var index = start + 1
            while index < end, bytes[index].isHexDigit { index += 1 }
            guard index > start + 1, index < end, bytes[index] == 0x2E, index + 1 < end else { return false }
            index += 1
            while index < end {
                let byte = bytes[index]
                guard byte < 0x80, table[Int(byte)] & (unreserved | subDelim) != 0 || byte == 0x3A else { return false }
                index += 1
            }
            return true
        }
        return IPFormats.ipv6(bytes, start, end)
    }
}
