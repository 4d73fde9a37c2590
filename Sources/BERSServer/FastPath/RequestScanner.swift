import NIOCore

/// What the fast path found at the start of the bytes a connection received.
enum ScannedRequest: Equatable {
    /// Not a whole request yet.
    case incomplete
    /// A request the fast path leaves to the full server (another method or version, a body,
    /// `Connection: close`, an upgrade, a CORS `Origin`…).
    case other
    /// A plain `GET` of `target`, `length` bytes long, with where its `If-None-Match` value is
    /// (offsets from the start of the request), if it has one.
    case get(target: String, ifNoneMatch: Range<Int>?, length: Int)
    /// A whole request without a body, `length` bytes long, for the full server (a `HEAD`, a
    /// CORS request, `Connection: close`…).
    case delimited(length: Int)
}

/// Recognizes plain HTTP/1.1 `GET` requests in received bytes, conservatively: whatever it does
/// not fully understand is `.other`, and goes to the full server.
struct RequestScanner: Sendable {
    /// Whether an `Origin` header sends the request to the full server (CORS is configured).
    let corsEnabled: Bool

    /// The request at the start of `buffer`.
    func scan(_ buffer: ByteBuffer) -> ScannedRequest {
        buffer.withUnsafeReadableBytes { bytes in scan(bytes) }
    }

    private func scan(_ bytes: UnsafeRawBufferPointer) -> ScannedRequest {
        guard let space = (0..<min(bytes.count, 16)).first(where: { bytes[$0] == UInt8(ascii: " ") }) else {
            return bytes.count < 16 && bytes.allSatisfy(Self.isMethodCharacter) ? .incomplete : .other
        }
        guard space > 0, bytes[..<space].allSatisfy(Self.isMethodCharacter) else { return .other }
        let isGet =
            space == 3 && bytes[0] == UInt8(ascii: "G") && bytes[1] == UInt8(ascii: "E")
            && bytes[2] == UInt8(ascii: "T")
        guard let lineEnd = Self.crlf(in: bytes, from: space + 1) else { return .incomplete }
        guard let target = Self.target(in: bytes, from: space + 1, to: lineEnd) else { return .other }
        var ifNoneMatch: Range<Int>?
        var answerable = isGet
        var start = lineEnd + 2
        while true {
            guard let end = Self.crlf(in: bytes, from: start) else { return .incomplete }
            if end == start {
                return answerable
                    ? .get(target: target, ifNoneMatch: ifNoneMatch, length: end + 2) : .delimited(length: end + 2)
            }
            switch header(in: bytes, from: start, to: end) {
            case .ignored: break
            case .forFullServer: answerable = false
            case .refused: return .other
            case .ifNoneMatch(let value): ifNoneMatch = value
            }
            start = end + 2
        }
    }

    private static func isMethodCharacter(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
    }

    /// `/path?query` between `GET ` and ` HTTP/1.1`, or `nil` for anything else.
    private static func target(in bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> String? {
        let version: [UInt8] = Array(" HTTP/1.1".utf8)
        guard end - start > version.count, bytes[start] == UInt8(ascii: "/"),
            bytes[(end - version.count)..<end].elementsEqual(version)
        else { return nil }
        let targetEnd = end - version.count
        for index in start..<targetEnd where bytes[index] <= 0x20 || bytes[index] >= 0x7F { return nil }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<targetEnd]), as: UTF8.self)
    }

    private enum Header {
        /// Nothing the fast path cares about.
        case ignored
        /// The request is whole but needs the full server.
        case forFullServer
        /// The request may have a body or change the connection: the fast path stops.
        case refused
        case ifNoneMatch(Range<Int>)
    }

    /// What one header line means for the fast path.
    private func header(in bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Header {
        guard let colon = (start..<end).first(where: { bytes[$0] == UInt8(ascii: ":") }), colon > start else {
            return .refused
        }
        let name = UnsafeRawBufferPointer(rebasing: bytes[start..<colon])
        var valueStart = colon + 1
        while valueStart < end, bytes[valueStart] == UInt8(ascii: " ") || bytes[valueStart] == UInt8(ascii: "\t") {
            valueStart += 1
        }
        let value = UnsafeRawBufferPointer(rebasing: bytes[valueStart..<end])
        if Self.named(name, "if-none-match") { return .ifNoneMatch(valueStart..<end) }
        if Self.named(name, "content-length") { return value.elementsEqual([UInt8(ascii: "0")]) ? .ignored : .refused }
        if Self.named(name, "connection") { return Self.named(value, "keep-alive") ? .ignored : .forFullServer }
        if Self.named(name, "origin") { return corsEnabled ? .forFullServer : .ignored }
        let refused = Self.named(name, "transfer-encoding") || Self.named(name, "upgrade") || Self.named(name, "expect")
        return refused ? .refused : .ignored
    }

    /// Whether `bytes` spell `lowercase` ignoring ASCII case.
    private static func named(_ bytes: UnsafeRawBufferPointer, _ lowercase: StaticString) -> Bool {
        guard bytes.count == lowercase.utf8CodeUnitCount else { return false }
        let expected = UnsafeRawBufferPointer(start: lowercase.utf8Start, count: lowercase.utf8CodeUnitCount)
        for index in 0..<bytes.count {
            let byte = bytes[index]
            let folded = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            if folded != expected[index] { return false }
        }
        return true
    }

    /// The index of the next `\r\n` at or after `start`.
    private static func crlf(in bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "\r") {
                return bytes[index + 1] == UInt8(ascii: "\n") ? index : nil
            }
            index += 1
        }
        return nil
    }
}
