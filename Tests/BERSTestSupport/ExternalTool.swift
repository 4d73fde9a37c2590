import Foundation
import Testing

/// Runs programs the tests need (node, swiftc, the bers binary), found on PATH.
public struct ExternalTool: Sendable {
    /// What a run printed and how it ended.
    public struct Result: Sendable {
        /// The exit status.
        public var status: Int32
        /// Standard output.
        public var stdout: String
        /// Standard error.
        public var stderr: String
    }

    /// The executable.
    public let url: URL

    /// A tool at `url`.
    public init(url: URL) { self.url = url }

    /// The tool called `name` on PATH, if any.
    public static func find(_ name: String) -> ExternalTool? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return ExternalTool(url: candidate) }
        }
        return nil
    }

    /// `node`, if on PATH.
    public static let node = find("node")
    /// `swiftc`, if on PATH.
    public static let swiftc = find("swiftc")

    /// The `bers` binary SwiftPM built beside the tests.
    public static let bers: ExternalTool? = {
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

    /// Runs the tool with `arguments` in `directory` (default: the package root), with
    /// `environment` added to a minimal one (PATH and HOME), so the machine's variables do not
    /// leak in.
    public func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws
        -> Result
    {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? SharedFixtures.packageRoot
        var base = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        base["HOME"] = ProcessInfo.processInfo.environment["HOME"]
        process.environment = base.merging(environment) { _, new in new }
        // Standard error goes to a file, so that a chatty tool can never block on a full pipe
        // while standard output is being read.
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "bers-tool-\(UUID().uuidString).err"
        )
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let out = Pipe()
        let err = try FileHandle(forWritingTo: errorFile)
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try err.close()
        let stderr = (try? Data(contentsOf: errorFile)) ?? Data()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self)
        )
    }
}
