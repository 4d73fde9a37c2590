import BERSJSON
import BERSTestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A copy of `Examples/picasso` (its config and its file store) in a temporary directory, for
/// the tenant commands that write.
struct PicassoCopy {
    /// The temporary directory holding the copy.
    let folder: TemporaryDirectory

    /// Copies the example project.
    init() throws {
        folder = try TemporaryDirectory(prefix: "bers-tenant-change")
        try FileManager.default.copyItem(
            at: SharedFixtures.packageRoot.appendingPathComponent("Examples/picasso"),
            to: folder.url.appendingPathComponent("picasso")
        )
    }

    /// The copy's config directory (`--config-dir`).
    var config: String { folder.path + "/picasso/config" }

    /// The directory of tenant `id` in the copy's store.
    func tenantDirectory(_ id: String) -> String { folder.path + "/picasso/tenants/tenants/\(id)" }

    /// The configuration file of tenant `id` in the copy's store.
    func document(_ id: String) -> String { tenantDirectory(id) + "/\(id)-config.json" }

    /// Removes the copy.
    func remove() { folder.remove() }
}

/// Small file helpers of the tenant change tests.
enum TenantFiles {
    /// The bytes of the file at `path`.
    static func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Replaces the file at `path` atomically (a concurrent editor's write).
    static func write(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// The names in `directory` that do not start with a dot, sorted.
    static func visibleNames(_ directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// The names in `directory` that start with a dot, sorted.
    static func hiddenNames(_ directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix(".") }.sorted()
    }

    /// Every visible file of `directory` with its bytes.
    static func snapshot(_ directory: String) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for name in try visibleNames(directory) { files[name] = try bytes(directory + "/" + name) }
        return files
    }

    /// Whether `name` is a backup of the document whose backups start with `stem`:
    /// `<stem>-<YYYYMMDDTHHMMSSZ>.json`, or `-2`, `-3`… for more than one in a second.
    static func isBackup(_ name: String, stem: String) -> Bool {
        guard name.hasPrefix(stem + "-"), name.hasSuffix(".json") else { return false }
        let rest = name.dropFirst(stem.count + 1).dropLast(".json".count)
        return rest.wholeMatch(of: #/[0-9]{8}T[0-9]{6}Z(-[2-9]|-[1-9][0-9]+)?/#) != nil
    }

    /// The UTC time a backup name carries (`…-20261204T100000Z.json`), if any.
    static func backupTime(_ name: String) -> Date? {
        guard let match = name.firstMatch(of: #/-([0-9]{8}T[0-9]{6}Z)(-[0-9]+)?\.json$/#) else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.date(from: String(match.1))
    }

    /// `text` parsed as JSON.
    static func json(_ bytes: [UInt8]) throws -> JSONValue {
        try JSONValue(parsing: String(decoding: bytes, as: UTF8.self))
    }

    /// `value` with the member `name` removed (a volatile stamp such as `generated_at`).
    static func without(_ name: String, in value: JSONValue) -> JSONValue {
        guard case .object(var object) = value else { return value }
        object[name] = nil
        return .object(object)
    }
}

/// Sends SIGKILL to the process `pid`.
private func killProcess(_ pid: Int32) {
    _ = kill(pid, SIGKILL)
}

/// `bers` started in the background with `BERS_TEST_WRITE_PAUSE_MS`, so a test can act while
/// it pauses between its writes (the tenant change writer pauses after the backup and after the
/// document), or kill it there.
final class BackgroundBers {
    private let process = Process()
    private let output: URL
    private let errors: URL

    /// Starts `bers arguments`, pausing `pauseMilliseconds` between writes.
    init(_ arguments: [String], pauseMilliseconds: Int) throws {
        let bers = try #require(CLIRunner.executable)
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("bers-background-\(UUID().uuidString)")
        output = base.appendingPathExtension("out")
        errors = base.appendingPathExtension("err")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.executableURL = bers
        process.arguments = arguments
        process.currentDirectoryURL = SharedFixtures.packageRoot
        process.environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "BERS_TEST_WRITE_PAUSE_MS": String(pauseMilliseconds),
        ]
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
    }

    deinit {
        if process.isRunning { killProcess(process.processIdentifier) }
        try? FileManager.default.removeItem(at: output)
        try? FileManager.default.removeItem(at: errors)
    }

    /// Polls `condition` every millisecond for at most `seconds`, and as soon as it holds runs
    /// `action`; whether it came true.
    ///
    /// Both run on a thread of their own, not on the concurrency pool: tests running other
    /// processes synchronously can keep the pool busy for longer than the writer pauses.
    func when(
        seconds: Double = 10,
        _ condition: @escaping @Sendable () -> Bool,
        then action: @escaping @Sendable () -> Void
    ) async -> Bool {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var reached = false
                for _ in 0..<Int(seconds * 1000) where !reached {
                    reached = condition()
                    if !reached { usleep(1000) }
                }
                if reached { action() }
                continuation.resume(returning: reached)
            }
        }
    }

    /// Kills the process with SIGKILL as soon as `condition` holds (at most `seconds`); whether
    /// it came true.
    func kill(when condition: @escaping @Sendable () -> Bool, seconds: Double = 10) async -> Bool {
        let pid = process.processIdentifier
        return await when(seconds: seconds, condition) { killProcess(pid) }
    }

    /// Kills the process with SIGKILL (if it still runs) and waits (at most 10 s) until it is
    /// gone; whether it died of the signal (rather than having finished before).
    func kill9() async -> Bool {
        if process.isRunning { killProcess(process.processIdentifier) }
        for _ in 0..<1000 where process.isRunning { try? await Task.sleep(nanoseconds: 10_000_000) }
        return !process.isRunning && process.terminationReason == .uncaughtSignal
    }

    /// How a finished process ended.
    struct Result {
        /// The exit status.
        var status: Int32
        /// Standard output.
        var stdout: String
        /// Standard error.
        var stderr: String
    }

    /// Waits (at most `seconds`) for the process to finish; its status and output, or `nil` when
    /// it is still running.
    func finish(seconds: Double = 20) async -> Result? {
        for _ in 0..<Int(seconds * 100) where process.isRunning { try? await Task.sleep(nanoseconds: 10_000_000) }
        guard !process.isRunning else { return nil }
        return Result(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: output, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        )
    }
}
