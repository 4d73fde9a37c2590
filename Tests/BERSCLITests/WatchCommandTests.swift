import BERSJSON
import BERSTestSupport
import Foundation
import Synchronization
import Testing

/// `bers watch` running as a process, its standard output collected line by line.
final class WatchProcess: Sendable {
    /// The lines printed so far, and the bytes of an unfinished line.
    private final class Collected: Sendable {
        let lines = Mutex<[String]>([])
        let buffer = Mutex<[UInt8]>([])
    }

    private let process: Process
    private let collected = Collected()

    init(_ arguments: [String]) throws {
        let bers = try #require(CLIRunner.executable)
        process = Process()
        process.executableURL = bers
        process.arguments = ["watch"] + arguments
        process.environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
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

    /// The JSON lines printed so far.
    var events: [JSONValue] { collected.lines.withLock { $0 }.compactMap { try? JSONValue(parsing: $0) } }

    /// Waits (at most `seconds`) until `count` lines were printed.
    func waitForEvents(_ count: Int, seconds: Double = 10) async -> [JSONValue] {
        for _ in 0..<Int(seconds * 100) where events.count < count {
            try? await Task.sleep(nanoseconds: 10_000_000)
        }
        return events
    }

    /// Sends SIGTERM and waits (at most 10 s) for the exit status.
    func terminate() async -> Int32? {
        process.terminate()
        for _ in 0..<1000 where process.isRunning { try? await Task.sleep(nanoseconds: 10_000_000) }
        return process.isRunning ? nil : process.terminationStatus
    }
}

@Suite(.enabled(if: CLIRunner.isAvailable, "the bers executable was not built"))
struct WatchCommandTests {
    @Test func jsonLinesFollowAppliedAndRefusedChangesAndSIGTERMStopsCleanly() async throws {
        let directory = try TemporaryDirectory(prefix: "bers-watch")
        defer { directory.remove() }
        try directory.write("bers.json", #"{"schema": "app.schema.json", "reload": {"debounce-ms": 20}}"#)
        try directory.write(
            "app.schema.json",
            #"{"properties": {"api": {"properties": {"timeout": {"type": "integer", "minimum": 1000}}}}}"#
        )
        try directory.write("default.json", #"{"api": {"timeout": 5000}}"#)
        let watch = try WatchProcess(["--config-dir", directory.path, "--env", "staging", "--json"])
        let started = await watch.waitForEvents(1)
        #expect(started.first?["event"] == "started")
        #expect(started.first?["generation"] == 1)
        #expect(started.first?["environment"] == "staging")

        try directory.write("default.json", "{\n  \"api\": {\"timeout\": 6000}\n}")
        let applied = await watch.waitForEvents(2)
        #expect(applied.last?["event"] == "applied")
        #expect(applied.last?["generation"] == 2)
        let change = applied.last?["changes"]?[0]
        #expect(change?["path"] == "/api/timeout")
        #expect(change?["kind"] == "modified")
        #expect(change?["old"] == 5000)
        #expect(change?["new"] == 6000)
        #expect(change?["location"]?.stringValue?.hasSuffix("default.json:2:22") == true)

        try directory.write("default.json", #"{"api": {"timeout": 10}}"#)
        let refused = await watch.waitForEvents(3)
        #expect(refused.last?["event"] == "refused")
        #expect(refused.last?["generation"] == 2)
        #expect(refused.last?["error"]?["code"] == "config.invalid")

        #expect(await watch.terminate() == 0)
        let all = watch.events
        #expect(all.last?["event"] == "stopped")
        #expect(all.last?["generation"] == 2)
    }
}
