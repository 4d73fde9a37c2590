import BERSTestSupport
import Foundation
import Testing

/// Runs programs the tests need (node, swiftc, the bers binary), found on PATH.
struct ExternalTool {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let url: URL

    /// The tool called `name` on PATH, if any.
    static func find(_ name: String) -> ExternalTool? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return ExternalTool(url: candidate) }
        }
        return nil
    }

    static let node = find("node")
    static let swiftc = find("swiftc")

    /// The `bers` binary SwiftPM built beside the tests.
    static let bers: ExternalTool? = {
        var candidates: [URL] = []
        if let first = CommandLine.arguments.first {
            var directory = URL(fileURLWithPath: first).deletingLastPathComponent()
            while directory.pathExtension == "xctest" || ["MacOS", "Contents"].contains(directory.lastPathComponent) {
                directory.deleteLastPathComponent()
            }
            candidates.append(directory.appendingPathComponent("bers"))
        }
        candidates.append(SharedFixtures.packageRoot.appendingPathComponent(".build/debug/bers"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }.map(ExternalTool.init)
    }()

    /// Runs the tool with `arguments` in `directory` (default: the package root).
    func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = url
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
}

/// The Picasso example's config directory.
let picassoDirectory = SharedFixtures.packageRoot.appendingPathComponent("Examples/picasso/config").path

let nodeMissing: Comment = "node not found on PATH: JavaScript tests skipped"
let swiftcMissing: Comment = "swiftc not found on PATH: Swift compilation tests skipped"
let bersMissing: Comment = "the bers executable was not built: CLI tests skipped"
