import BERSTestSupport
import Foundation
import Testing

/// Runs the built `bers` executable and captures what it prints.
struct CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `bers` binary beside the test bundle (SwiftPM builds it with the tests).
    static let executable: URL? = {
        var candidates: [URL] = []
        if let first = CommandLine.arguments.first {
            var directory = URL(fileURLWithPath: first).deletingLastPathComponent()
            // On macOS the tests run inside a .xctest bundle.
            while directory.pathExtension == "xctest" || directory.lastPathComponent == "MacOS"
                || directory.lastPathComponent == "Contents"
            {
                directory.deleteLastPathComponent()
            }
            candidates.append(directory.appendingPathComponent("bers"))
        }
        candidates.append(SharedFixtures.packageRoot.appendingPathComponent(".build/debug/bers"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    static var isAvailable: Bool { executable != nil }

    /// Runs `bers` with `arguments` in `directory` (default: the package root), with `environment`
    /// added to a minimal environment (PATH and HOME only, so the machine's variables do not leak in).
    static func run(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil) throws
        -> Result
    {
        guard let executable else { throw CLIError.missingExecutable }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? SharedFixtures.packageRoot
        var base = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        base["HOME"] = ProcessInfo.processInfo.environment["HOME"]
        process.environment = base.merging(environment) { _, new in new }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self)
        )
    }

    enum CLIError: Error { case missingExecutable }
}

/// The example project, relative to the package root (where the CLI runs).
let picasso = "Examples/picasso/config"
