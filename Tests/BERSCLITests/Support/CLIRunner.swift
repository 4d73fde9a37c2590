import BERSTestSupport
import Foundation
import Testing

/// Runs the built `bers` executable and captures what it prints.
enum CLIRunner {
    /// The `bers` binary beside the test bundle (SwiftPM builds it with the tests).
    static var executable: URL? { ExternalTool.bers?.url }

    /// Whether the CLI suites run: when the binary was built, and always under CI
    /// (`BERS_REQUIRE_CLI` set), where a missing binary must fail rather than skip them.
    static var isAvailable: Bool {
        ExternalTool.bers != nil || ProcessInfo.processInfo.environment["BERS_REQUIRE_CLI"] != nil
    }

    /// Runs `bers` with `arguments` in `directory` (default: the package root), with `environment`
    /// added to a minimal environment (PATH and HOME only).
    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil) throws
        -> ExternalTool.Result
    {
        guard let bers = ExternalTool.bers else { throw CLIError.missingExecutable }
        return try bers.run(arguments, in: directory, environment: environment)
    }

    enum CLIError: Error { case missingExecutable }
}

/// The example project, relative to the package root (where the CLI runs).
let picasso = "Examples/picasso/config"
