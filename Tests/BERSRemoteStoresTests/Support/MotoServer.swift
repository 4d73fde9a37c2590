import AsyncHTTPClient
import BERSRemoteStores
import Foundation
import Testing

/// A moto S3 server on loopback for the tests.
///
/// `BERS_TEST_S3_ENDPOINT` names a running one (CI starts it with `Scripts/start-s3-server.sh`).
/// Without it, the tests start `moto_server` themselves when it is on `PATH`; it is stopped when
/// the test process ends (its shell wrapper waits on a pipe that closes then). Without either,
/// tests that need it are skipped.
enum MotoServer {
    /// Whether an S3 server can be had.
    static let isAvailable: Bool = explicitEndpoint != nil || executable != nil

    /// Whether a private moto (for signature checks) can be started.
    static var canStartPrivateServer: Bool { executable != nil }

    /// The message shown for skipped tests.
    static let skipReason: Comment =
        "no S3 server: set BERS_TEST_S3_ENDPOINT or install moto (python3 -m pip install 'moto[server]')"

    /// `BERS_TEST_S3_ENDPOINT`, when set.
    static let explicitEndpoint: String? = {
        let value = ProcessInfo.processInfo.environment["BERS_TEST_S3_ENDPOINT"] ?? ""
        return value.isEmpty ? nil : value
    }()

    /// `moto_server` on `PATH`.
    static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/moto_server"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    /// The shared server's endpoint, started once on first use.
    static func endpoint() async throws -> String {
        try await shared.value.endpoint
    }

    private static let shared = Task<RunningMoto, any Error> {
        if let explicitEndpoint { return RunningMoto(endpoint: explicitEndpoint, process: nil) }
        return try await start(environment: [:])
    }

    /// Starts a private moto with extra environment variables (`INITIAL_NO_AUTH_ACTION_COUNT`).
    static func start(environment: [String: String]) async throws -> RunningMoto {
        guard let executable else { throw MotoError.notInstalled }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The shell starts moto on a free port (through the interpreter itself, not a pyenv shim,
        // so that `$!` is moto), prints the port, and kills moto when its standard input closes:
        // when this process ends, however it ends.
        let script = """
            py=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null)
            port=$("$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
            if "$py" -c 'import moto.server' 2>/dev/null; then
                "$py" -m moto.server -H 127.0.0.1 -p "$port" >/dev/null 2>&1 &
            else
                "\(executable)" -H 127.0.0.1 -p "$port" >/dev/null 2>&1 &
            fi
            pid=$!
            echo "$port"
            read _ignored
            pkill -TERM -P "$pid" 2>/dev/null
            kill "$pid" 2>/dev/null
            for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$pid" 2>/dev/null || exit 0; sleep 0.2; done
            kill -9 "$pid" 2>/dev/null
            """
        process.arguments = ["-c", script]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let line = try await readLine(output.fileHandleForReading)
        guard let port = Int(line.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw MotoError.didNotStart("no port printed: \(line)")
        }
        let endpoint = "http://127.0.0.1:\(port)"
        try await waitUntilAnswering(endpoint)
        return RunningMoto(endpoint: endpoint, process: ProcessHandle(process: process, input: input))
    }

    private static func readLine(_ handle: FileHandle) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global()
                .async {
                    var bytes: [UInt8] = []
                    while true {
                        let data = handle.readData(ofLength: 1)
                        guard let byte = data.first else { break }
                        if byte == 10 { break }
                        bytes.append(byte)
                    }
                    continuation.resume(returning: String(decoding: bytes, as: UTF8.self))
                }
        }
    }

    private static func waitUntilAnswering(_ endpoint: String) async throws {
        try await RemoteTenantStores.withHTTPClient { client in
            for _ in 0..<300 {
                if let response = try? await client.execute(
                    HTTPClientRequest(url: endpoint + "/"),
                    timeout: .seconds(1)
                ),
                    response.status.code < 500
                {
                    return
                }
                try await Task.sleep(for: .milliseconds(100))
            }
            throw MotoError.didNotStart("\(endpoint) did not answer within 30 s")
        }
    }
}

/// A moto server: its endpoint, and the process when the tests started it.
struct RunningMoto: Sendable {
    var endpoint: String
    var process: ProcessHandle?

    /// Stops a private server (the shared one stops with the test process).
    func stop() {
        process?.stop()
    }
}

/// Keeps moto's shell wrapper and the pipe whose closing stops it.
final class ProcessHandle: @unchecked Sendable {  // set once in init; `stop` only closes the pipe
    private let process: Process
    private let input: Pipe

    init(process: Process, input: Pipe) {
        self.process = process
        self.input = input
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}

enum MotoError: Error, CustomStringConvertible {
    case notInstalled
    case didNotStart(String)

    var description: String {
        switch self {
        case .notInstalled: "moto_server is not on PATH"
        case .didNotStart(let reason): "moto did not start: \(reason)"
        }
    }
}
