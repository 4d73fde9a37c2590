#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import BERS

/// A one-line progress bar on standard error, drawn over itself, only when standard error is a
/// terminal (so logs and pipes never see it).
struct ProgressBar: Sendable {
    private static let width = 30

    /// A bar when standard error is a terminal, else `nil`.
    static func onTerminal() -> ProgressBar? { isatty(2) == 1 ? ProgressBar() : nil }

    /// Draws `[#######.......] detection 120/500`.
    func draw(_ progress: BenchProgress) {
        let filled = progress.total == 0 ? Self.width : Self.width * progress.completed / progress.total
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: Self.width - filled)
        Output.rawDiagnostic("\r\u{1B}[2K[\(bar)] \(progress.phase) \(progress.completed)/\(progress.total)")
    }

    /// Clears the line.
    func finish() { Output.rawDiagnostic("\r\u{1B}[2K") }
}
