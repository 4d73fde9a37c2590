import ArgumentParser
import BERS

/// The `bers` command: which environment am I in, what is the configuration here, and where did
/// each value come from.
public struct BERSCommand: AsyncParsableCommand {
    // swift-format-ignore: AllPublicDeclarationsHaveDocumentation
    public static let configuration = CommandConfiguration(
        commandName: "bers",
        abstract: "Resolve, explain and check layered, per-environment configuration.",
        discussion: """
            Exit status: 0 success; 1 the configuration is invalid or a check failed; 2 usage or \
            input error (malformed or unreadable file, unknown environment, inheritance cycle).
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
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            Self.exit()
        } catch {
            Self.exitHandling(error)
        }
    }

    static func exitHandling(_ error: any Error) -> Never {
        switch error {
        case let error as ConfigError:
            Output.error(error.description)
            Self.exit(withError: ExitCode(ExitStatus.for(error)))
        case let error as TenantError:
            Output.error(error.description)
            Self.exit(withError: ExitCode(ExitStatus.for(error)))
        case let error as ExitCode:
            Self.exit(withError: error)
        default:
            let code = exitCode(for: error)
            if code == .validationFailure {
                Output.error(fullMessage(for: error))
                Self.exit(withError: ExitCode(ExitStatus.usage))
            }
            Self.exit(withError: error)
        }
    }
}
