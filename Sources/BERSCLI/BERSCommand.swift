import ArgumentParser
import BERS
import BERSJSON

/// The `bers` command: which environment am I in, what is the configuration here, and where did
/// each value come from.
public struct BERSCommand: AsyncParsableCommand {
    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public static let configuration = CommandConfiguration(
        commandName: "bers",
        abstract: "Resolve, explain and check layered, per-environment configuration.",
        discussion: """
            Exit status: 0 success; 1 the configuration is invalid or a check failed; 2 usage or \
            input error (malformed or unreadable file, unknown environment, inheritance cycle). \
            Commands that print data take --json (and --format json|yaml where they print values); \
            with --json, a failure is also printed as {"error": {"code", "message", "location"}}.
            """,
        version: BERSVersion.current,
        subcommands: [
            ResolveCommand.self, DetectCommand.self, ExplainCommand.self, DiffCommand.self, URLCommand.self,
            FormatCommand.self, ValidateCommand.self, TenantCommand.self, BuildCommand.self, BenchCommand.self,
            WatchCommand.self, ServeCommand.self, TokenCommand.self, SecretCommand.self, DoctorCommand.self,
            MigrateCommand.self, SyncCommand.self,
        ]
    )

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public init() {}

    /// Runs the command line and exits with BERS's exit codes (usage errors exit 2, not 64).
    ///
    /// - Parameters:
    ///   - arguments: The arguments after the program name (default: the process's).
    ///   - remoteStores: Opens `s3://` and `http(s)://` tenant stores; without one, commands on
    ///     such stores fail with `cli.missing-component`.
    ///   - server: Runs `bers serve`; without one, it fails with `cli.missing-component`.
    public static func runAndExit(
        _ arguments: [String]? = nil,
        remoteStores: (any RemoteStoreProvider)? = nil,
        server: (any ServerLauncher)? = nil
    ) async -> Never {
        let arguments = arguments ?? Array(CommandLine.arguments.dropFirst())
        var command: any ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            if let unknown = UnknownCommand.find(in: arguments, root: Self.self) {
                Self.exitReporting(UsageError(message: unknown.message), arguments: arguments)
            }
            Self.exitHandlingParse(error, arguments: arguments)
        }
        do {
            let storeCommand = command as? any StoreCommand
            if storeCommand?.mayUseRemoteStore == true || (command as? SyncCommand)?.mayUseRemoteStore == true {
                try remoteStores?.commandWillUseRemoteStore()
            }
            if command is ServeCommand { try server?.commandWillServe() }
            try await RemoteStores.$provider.withValue(remoteStores) {
                try await ServerLaunchers.$launcher.withValue(server) {
                    if var asyncCommand = command as? any AsyncParsableCommand {
                        try await asyncCommand.run()
                    } else {
                        try command.run()
                    }
                }
            }
            Self.exit()
        } catch {
            Self.exitHandling(error, command: command)
        }
    }

    /// Reports an error of a running command.
    static func exitHandling(_ error: any Error, command: any ParsableCommand) -> Never {
        let structured = (command as? any StructuredOutputCommand)?.structuredOutput
        if let error = error as? any BERSError {
            var report = FailureReport(error)
            if report.isMissingConfiguration, let command = command as? any ProjectCommand {
                report.note = command.directoryChoice.explanation
            }
            report.print(structured: structured)
            Self.exit(withError: ExitCode(report.status))
        }
        if let error = error as? ExitCode { Self.exit(withError: error) }
        if exitCode(for: error) == .validationFailure {
            let report = FailureReport(UsageError(message: message(for: error)))
            report.print(structured: structured)
            Output.diagnostic(Self.usageHint(for: type(of: command)))
            Self.exit(withError: ExitCode(report.status))
        }
        Self.exit(withError: error)
    }

    /// Reports an error of the command line itself (an unknown option, a missing argument); help
    /// and `--version` requests print and exit 0.
    static func exitHandlingParse(_ error: any Error, arguments: [String]) -> Never {
        guard exitCode(for: error) != .success else { Self.exit(withError: error) }
        // ArgumentParser's text names the usage of the command that failed to parse.
        var text = fullMessage(for: error)
        if text.hasPrefix("Error: ") { text = "error: " + text.dropFirst("Error: ".count) }
        Output.diagnostic(text.hasSuffix("\n") ? String(text.dropLast()) : text)
        if arguments.contains("--json") {
            StructuredFormat.json.print(FailureReport(UsageError(message: message(for: error))).jsonValue)
        }
        Self.exit(withError: ExitCode(ExitStatus.usage))
    }

    private static func exitReporting(_ error: UsageError, arguments: [String]) -> Never {
        let report = FailureReport(error)
        // Without a parsed command, --json on the line is what asked for JSON.
        report.print(structured: arguments.contains("--json") ? .json : nil)
        Self.exit(withError: ExitCode(report.status))
    }

    private static func usageHint(for command: any ParsableCommand.Type) -> String {
        "  See '\(CommandTree.path(to: command, from: Self.self)) --help' for more information."
    }
}
