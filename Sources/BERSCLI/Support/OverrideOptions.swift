import ArgumentParser
import BERS
import Foundation

/// `--set` and `--no-env-overrides`, shared by commands that resolve.
struct OverrideOptions: ParsableArguments {
    @Option(
        name: .customLong("set"),
        help: ArgumentHelp(
            "Set a value last: path=value, typed like the value it replaces (a new key: JSON, or text).",
            valueName: "path=value"
        )
    )
    var assignments: [String] = []

    @Flag(name: .customLong("no-env-overrides"), help: "Ignore BERS__… environment variables.")
    var ignoreEnvironmentOverrides = false

    @OptionGroup var secretKeys: SecretKeyOptions

    /// The resolve options these flags describe, with the keyring of `--key-file`,
    /// `BERS_SECRET_KEY_FILE` or `BERS_SECRET_KEY` when one is given.
    var resolveOptions: ResolveOptions {
        get throws {
            let variables = ProcessInfo.processInfo.environment
            return ResolveOptions(
                environmentVariables: ignoreEnvironmentOverrides ? [:] : variables,
                assignments: assignments,
                secretKeyring: try secretKeys.keyring(environment: variables)
            )
        }
    }

    /// Resolves `environment` of `project` with these overrides, printing the warnings of the
    /// resolution (a `BERS__` variable that names no key, with a did-you-mean) on standard error,
    /// the same way in every command.
    func resolve(_ environment: Environment, in project: ConfigProject) throws -> ResolvedConfiguration {
        let config = try project.resolve(environment, options: resolveOptions)
        reportWarnings(of: config)
        return config
    }

    /// Prints the warnings of `config`, resolved with these overrides elsewhere (a live
    /// configuration), on standard error as ``resolve(_:in:)`` prints them.
    func reportWarnings(of config: ResolvedConfiguration) {
        Output.diagnostics(config.diagnostics)
    }
}
