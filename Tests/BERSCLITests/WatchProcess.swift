import BERSJSON
import BERSTestSupport
import Foundation
import Synchronization
import Testing

/// `bers watch` (or another long-running command, `bers serve`) running as a process, its
/// standard output collected line by line (standard error to a file of its own).
final class WatchProcess: Sendable {
    /// The lines printed so far, and the bytes of an unfinished line.
    private final class Collected: Sendable {
        let lines = Mutex<[String]>([])
        let buffer = Mutex<[UInt8]>([])
    }

    private let process: Process
    private let collected = Collected()
    private let errorFile: URL

    init(_ arguments: [String], command: String = "watch", errorFile: URL) throws {
        self.errorFile = errorFile
        let bers = try #require(CLIRunner.executable)
        process = Process()
        process.executableURL = bers
        process.arguments = [command] + arguments
        process.environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        let output = Pipe()
        process.standardOutput = output
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        output.fileHandleForReading.readabilityHandler = { [collected] handle in
            let data = handle.availableData
            collected.buffer.withLock { bytes in
                bytes += data
                while let newline = bytes.firstIndex(of: 10) {
                    let line = String(decoding: bytes[..<newline], as: UTF8.self)
                    bytes.removeSubrange(...newline)
                    collected.lines.withLock { $0.append(line) }
                }
            }
        }
        try process.run()
    }

    /// The lines printed so far.
    var lines: [String] { collected.lines.withLock { $0 } }

    /// The JSON lines printed so far.
    var events: [JSONValue] { lines.compactMap { try? JSONValue(parsing: $0) } }

    /// What it printed on standard error so far.
    var errorText: String { (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "" }

    /// Waits (at most `seconds`) until a printed line satisfies `predicate`; that line, or `nil`.
    @discardableResult
    func waitForLine(seconds: Double = 10, where predicate: (String) -> Bool) async -> String? {
        for _ in 0..<Int(seconds * 100) {
            if let line = lines.first(where: predicate) { return line }
            try? await Task.sleep(nanoseconds: 10_000_000)
        }
        return nil
    }

    /// Waits (at most `seconds`) until a JSON line satisfies `predicate`; that event, or `nil`.
    func waitForEvent(seconds: Double = 10, where predicate: (JSONValue) -> Bool) async -> JSONValue? {
        let line = await waitForLine(seconds: seconds) { line in
            (try? JSONValue(parsing: line)).map(predicate) ?? false
        }
        return line.flatMap { try? JSONValue(parsing: $0) }
    }

    /// Sends `signal` (SIGTERM by default) and waits (at most 10 s) for the exit status.
    func stop(with signal: Int32 = SIGTERM) async -> Int32? {
        kill(process.processIdentifier, signal)
        for _ in 0..<1000 where process.isRunning { try? await Task.sleep(nanoseconds: 10_000_000) }
        return process.isRunning ? nil : process.terminationStatus
    }
}
