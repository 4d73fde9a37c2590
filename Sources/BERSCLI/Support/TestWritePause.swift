import Foundation

/// The crash tests' hook: `BERS_TEST_WRITE_PAUSE_MS` makes the commands that write pause that
/// many milliseconds between two writes, so a test can kill the process there.
enum TestWritePause {
    /// The environment variable.
    static let variable = "BERS_TEST_WRITE_PAUSE_MS"

    /// The pause `environment` asks for, or `nil` when it asks for none.
    static func pause(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> (@Sendable () async -> Void)? {
        guard let text = environment[variable], let milliseconds = Int(text), milliseconds > 0 else { return nil }
        return { try? await Task.sleep(for: .milliseconds(milliseconds)) }
    }
}
