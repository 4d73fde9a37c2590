#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import BERS

/// Writes to standard output and standard error without buffering surprises.
enum Output {
    /// Writes `text` and a newline to standard output.
    static func line(_ text: String) {
        write(text + "\n", to: 1)
    }

    /// Writes `text` as it is to standard output.
    static func raw(_ text: String) {
        write(text, to: 1)
    }

    /// Writes `error: text` to standard error.
    static func error(_ text: String) {
        let message = text.hasPrefix("Error:") || text.hasPrefix("error:") ? text : "error: \(text)"
        write(message + (message.hasSuffix("\n") ? "" : "\n"), to: 2)
    }

    /// Writes each warning (`file:line:col: warning: message`) to standard error.
    static func diagnostics(_ diagnostics: [ConfigDiagnostic]) {
        for diagnostic in diagnostics { Self.diagnostic(diagnostic.description) }
    }

    /// Writes `text` as it is to standard error.
    static func diagnostic(_ text: String) {
        write(text + "\n", to: 2)
    }

    /// Writes `text` to standard error without a newline (a progress bar drawn over itself).
    static func rawDiagnostic(_ text: String) {
        write(text, to: 2)
    }

    private static func write(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = posixWrite(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }
}

@inline(__always)
private func posixWrite(_ descriptor: Int32, _ buffer: UnsafePointer<UInt8>?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
