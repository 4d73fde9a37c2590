import NIOCore

/// Recognizes plain HTTP/1.1 `GET` requests in received bytes, more strictly than the HTTP
/// parser behind it: whatever it does not fully understand (a body, obsolete line folding, a
/// bare CR or LF, a control character, a space before a colon, two `Content-Length`s) is
/// `.other`, and the full server's parser decides, so the two never delimit requests differently.
struct RequestScanner: Sendable {
    /// The request at the start of `buffer`.
    func scan(_ buffer: ByteBuffer) -> ScannedRequest {
        buffer.withUnsafeReadableBytes { bytes in scan(bytes) }
    }

    private func scan(_ bytes: UnsafeRawBufferPointer) -> ScannedRequest {
        guard let space = (0..<min(bytes.count, 16)).first(where: { bytes[$0] == UInt8(ascii: " ") }) else {
            return bytes.count < 16 && bytes.allSatisfy(Self.isMethodCharacter) ? .incomplete : .other
        }
        guard space > 0, bytes[..<space].allSatisfy(Self.isMethodCharacter) else { return .other }
        let isGet = bytes[..<space].elementsEqual("GET".utf8)
        let lineEnd: Int
        switch Self.lineEnd(in: bytes, from: space + 1) {
        case .needMore: return .incomplete
        case .malformed: return .other
        case .found(let end): lineEnd = end
        }
        guard let target = Self.target(in: bytes, from: space + 1, to: lineEnd) else { return .other }
        var fields = Fields()
        var start = lineEnd + 2
        while true {
            let end: Int
            switch Self.lineEnd(in: bytes, from: start) {
            case .needMore: return .incomplete
            case .malformed: return .other
            case .found(let found): end = found
            }
            if end == start { return fields.request(target: target, isGet: isGet, length: end + 2) }
            guard fields.read(bytes, from: start, to: end) else { return .other }
            start = end + 2
        }
    }

    /// What the header lines of one request said.
    private struct Fields {
        var ifNoneMatch: Range<Int>?
        var origin: Range<Int>?
        var needsFullServer = false
        var contentLengthSeen = false

        func request(target: String, isGet: Bool, length: Int) -> ScannedRequest {
            guard isGet, !needsFullServer else { return .delimited(length: length) }
            return .get(target: target, ifNoneMatch: ifNoneMatch, origin: origin, length: length)
        }

        /// Reads one header line; false when the fast path must leave the connection.
        mutating func read(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Bool {
            guard let colon = (start..<end).first(where: { bytes[$0] == UInt8(ascii: ":") }), colon > start,
                bytes[start..<colon].allSatisfy(RequestScanner.isTokenCharacter)
            else { return false }
            var valueStart = colon + 1
            while valueStart < end, bytes[valueStart] == UInt8(ascii: " ") || bytes[valueStart] == UInt8(ascii: "\t") {
                valueStart += 1
            }
            guard bytes[valueStart..<end].allSatisfy(RequestScanner.isValueCharacter) else { return false }
            let name = UnsafeRawBufferPointer(rebasing: bytes[start..<colon])
            let value = UnsafeRawBufferPointer(rebasing: bytes[valueStart..<end])
            if RequestScanner.named(name, "if-none-match") {
                ifNoneMatch = valueStart..<end
            } else if RequestScanner.named(name, "origin") {
                origin = valueStart..<end
            } else if RequestScanner.named(name, "content-length") {
                guard !contentLengthSeen, value.elementsEqual("0".utf8) else { return false }
                contentLengthSeen = true
            } else if RequestScanner.named(name, "connection") {
                if !RequestScanner.named(value, "keep-alive") { needsFullServer = true }
            } else if RequestScanner.named(name, "transfer-encoding") || RequestScanner.named(name, "upgrade")
                || RequestScanner.named(name, "expect")
            {
                return false
            }
            return true
        }
    }

    /// `/path?query` between the method and ` HTTP/1.1`, or `nil` for anything else.
    private static func target(in bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> String? {
        let version = " HTTP/1.1".utf8
        guard end - start > version.count, bytes[start] == UInt8(ascii: "/"),
            bytes[(end - version.count)..<end].elementsEqual(version)
        else { return nil }
        let targetEnd = end - version.count
        guard bytes[start..<targetEnd].allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<targetEnd]), as: UTF8.self)
    }

    private static func isMethodCharacter(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
    }

    /// RFC 9110 `tchar`.
    private static func isTokenCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }

    /// A field-value byte: visible ASCII, space, tab or obs-text (no control character).
    private static func isValueCharacter(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\t") || (byte >= 0x20 && byte != 0x7F)
    }

    /// Whether `bytes` spell `lowercase` ignoring ASCII case.
    fileprivate static func named(_ bytes: UnsafeRawBufferPointer, _ lowercase: StaticString) -> Bool {
        guard bytes.count == lowercase.utf8CodeUnitCount else { return false }
        let expected = UnsafeRawBufferPointer(start: lowercase.utf8Start, count: lowercase.utf8CodeUnitCount)
        for index in 0..<bytes.count {
            let byte = bytes[index]
            let folded = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            if folded != expected[index] { return false }
        }
        return true
    }

    private enum LineEnd {
        case found(Int)
        case needMore
        case malformed
    }

    /// The index of the `\r\n` ending the line that starts at `start`; a bare CR or LF is
    /// malformed.
    private static func lineEnd(in bytes: UnsafeRawBufferPointer, from start: Int) -> LineEnd {
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\r"):
                guard index + 1 < bytes.count else { return .needMore }
                return bytes[index + 1] == UInt8(ascii: "\n") ? .found(index) : .malformed
            case UInt8(ascii: "\n"):
                return .malformed
            default:
                index += 1
            }
        }
        return .needMore
    }
}
