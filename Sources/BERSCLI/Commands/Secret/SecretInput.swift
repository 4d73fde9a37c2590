#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import BERS

/// Reads a clear value from standard input, so that it stays out of the process list and the
/// shell history.
enum SecretInput {
    /// The largest value read (1 MiB).
    static let maximumSize = 1 << 20

    /// Standard input as UTF-8 text, one trailing newline (`\n` or `\r\n`) dropped.
    ///
    /// - Throws: ``ConfigError`` `config.unreadable` when it cannot be read, is larger than
    ///   ``maximumSize`` or is not UTF-8 (the message never shows the input).
    static func read() throws(ConfigError) -> String {
        var bytes = try readAll(descriptor: 0)
        if bytes.last == UInt8(ascii: "\n") {
            bytes.removeLast()
            if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ConfigError(.unreadable, "the value on standard input is not UTF-8 text")
        }
        return text
    }

    private static func readAll(descriptor: Int32) throws(ConfigError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { posixRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ConfigError(.unreadable, "cannot read the value from standard input")
            }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
            guard bytes.count <= maximumSize else {
                throw ConfigError(.tooLarge, "the value on standard input is larger than \(maximumSize) bytes")
            }
        }
    }
}

@inline(__always)
private func posixRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
