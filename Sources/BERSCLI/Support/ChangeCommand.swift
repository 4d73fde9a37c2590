import BERS
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `--exec` command of `bers watch`: run with `/bin/sh -c` after each applied change, one at a
/// time, its output sent to stderr (stdout stays the watch's own, JSON lines included).
///
/// The command runs in a process group of its own, with the default signal actions (the watch
/// itself catches SIGINT and SIGTERM), and is waited for on a thread outside the concurrency
/// pool; ``terminate()`` ends the whole group.
final class ChangeCommand: Sendable {
    /// The shell command.
    let command: String
    private let state = Mutex(State())

    /// The command's process while it runs, and whether the watch has stopped (then no command
    /// starts again, even for a change that was already queued).
    private struct State {
        var running: pid_t?
        var stopped = false
    }

    init(_ command: String) { self.command = command }

    /// Runs the command with `BERS_GENERATION` and `BERS_CONFIG_DIGEST` set and waits for it; a
    /// failure is a warning, never the end of watching.
    func run(after generation: ConfigurationGeneration) async {
        var environment = ProcessInfo.processInfo.environment
        environment["BERS_GENERATION"] = String(generation.number)
        environment["BERS_CONFIG_DIGEST"] = generation.digest
        let pid: pid_t
        switch spawn(environment: environment) {
        case .success(let spawned?): pid = spawned
        case .success(nil): return
        case .failure(let error):
            Output.diagnostic("warning: --exec command could not start: \(String(cString: strerror(error.code)))")
            return
        }
        let status = await exitStatus(of: pid)
        if status != 0 { Output.diagnostic("warning: --exec command exited with status \(status)") }
    }

    /// Ends a command still running (SIGTERM to its process group) and starts no other, so
    /// stopping the watch waits neither for it nor for changes queued behind it.
    func terminate() {
        state.withLock { state in
            state.stopped = true
            if let pid = state.running { _ = kill(-pid, SIGTERM) }
        }
    }

    /// An `errno` from spawning.
    struct SpawnError: Error {
        let code: Int32
    }

    /// Starts `/bin/sh -c command` in a new process group, its stdout on our stderr; `nil` once
    /// the watch has stopped.
    private func spawn(environment: [String: String]) -> Result<pid_t?, SpawnError> {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, STDERR_FILENO, STDOUT_FILENO)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGPIPE, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes,
            Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP)
        )
        let arguments = ["/bin/sh", "-c", command]
        let variables = environment.map { "\($0.key)=\($0.value)" }
        return state.withLock { state in
            guard !state.stopped else { return .success(nil) }
            var pid = pid_t()
            let status = Self.withCStrings(arguments) { argv in
                Self.withCStrings(variables) { envp in posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, envp) }
            }
            guard status == 0 else { return .failure(SpawnError(code: status)) }
            state.running = pid
            return .success(pid)
        }
    }

    /// The exit status of `pid` (128 + the signal when a signal ended it), waited for on a
    /// thread of its own; the command is no longer running once it is reaped.
    private func exitStatus(of pid: pid_t) async -> Int32 {
        await withCheckedContinuation { continuation in
            let waiter = Thread {
                // Waits without reaping, so terminate() never signals a reused process id.
                var info = siginfo_t()
                while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) < 0 && errno == EINTR {}
                var status: Int32 = 0
                self.state.withLock { state in
                    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                    state.running = nil
                }
                let signal = status & 0x7f
                continuation.resume(returning: signal == 0 ? (status >> 8) & 0xff : 128 + signal)
            }
            waiter.start()
        }
    }

    /// Calls `body` with `strings` as a NUL-terminated array of C strings.
    private static func withCStrings<R>(
        _ strings: [String],
        _ body: ([UnsafeMutablePointer<CChar>?]) -> R
    ) -> R {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { for pointer in pointers { free(pointer) } }
        return body(pointers)
    }
}
