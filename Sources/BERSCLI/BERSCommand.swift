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
            FormatCommand.self, ValidateCommand.self, TenantCommand.self, BuildCommand.self,
        ]
    )

    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public init() {}

    /// Runs the command line and exits with BERS's exit codes (usage errors exit 2, not 64).
    public static func runAndExit(_ arguments: [String]? = nil) async -> Never {
        let arguments = arguments ?? Array(CommandLine.arguments.dropFirst())
        var command: any ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            if let unknown = UnknownCommand.find(in: arguments, root: Self.self) {
                Output.error(unknown.message)
                Self.exit(withError: ExitCode(ExitStatus.usage))
            }
            Self.exitHandling(error, command: nil)
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            Self.exit()
        } catch {
            Self.exitHandling(error, command: command)
        }
    }

    static func exitHandling(_ error: any Error, command: (any ParsableCommand)?) -> Never {
        if let error = error as? any BERSError {
            var report = FailureReport(error)
            if FailureReport.isMissingConfiguration(error), let project = (command as? any ProjectCommand)?.project {
                report.message += "; " + project.choice().explanation
            }
            report.print(json: (command as? any JSONOutputCommand)?.printsJSON ?? false)
            Self.exit(withError: ExitCode(report.status))
        }
        if let error = error as? ExitCode { Self.exit(withError: error) }
        if exitCode(for: error) == .validationFailure {
            Output.error(fullMessage(for: error))
            Self.exit(withError: ExitCode(ExitStatus.usage))
        }
        Self.exit(withError: error)
    }
}
