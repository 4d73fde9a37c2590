import ArgumentParser
import BERS
import Foundation

/// `--config-dir`, shared by every command that reads a project.
struct ProjectOptions: ParsableArguments {
    @Option(
        name: .customLong("config-dir"),
        help: "The config directory (default: $BERS_CONFIG_DIR, else ./config if it exists, else .)."
    )
    var configDirectory: String?

    /// The directory to read.
    var directory: String {
        if let configDirectory { return configDirectory }
        if let fromEnvironment = ProcessInfo.processInfo.environment["BERS_CONFIG_DIR"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return LocalFileSystem().directoryExists(atPath: "config") ? "config" : "."
    }

    /// Loads the project.
    func load() throws(ConfigError) -> ConfigProject {
        try ConfigProject(directory: directory)
    }
}

/// The inputs of detection, shared by commands that pick an environment.
struct EnvironmentOptions: ParsableArguments {
    @Option(name: .customLong("env"), help: "The environment (skips detection).")
    var environment: String?

    @Option(help: "A page or request URL whose query may select the environment.")
    var url: String?

    @Option(help: "The hostname to match detection rules against (default: this machine's name).")
    var hostname: String?

    @Option(name: .customLong("build-context"), help: "The environment the artifact was built for.")
    var buildContext: String?

    /// The detection context for `project`, reading the process environment.
    func context(for project: ConfigProject) -> DetectionContext {
        project.detectionContext(
            explicit: environment,
            environment: ProcessInfo.processInfo.environment,
            url: url,
            hostname: hostname ?? ProcessInfo.processInfo.hostName,
            buildContext: buildContext
        )
    }

    /// The environment to use: `--env` when given (it must exist), else detection's answer.
    func resolveEnvironment(in project: ConfigProject) throws(ConfigError) -> (Environment, DetectionResult?) {
        if let environment {
            return (try project.environment(named: environment), nil)
        }
        if let buildContext { _ = try project.environment(named: buildContext) }
        let result = project.detector().detect(context(for: project))
        return (result.environment, result)
    }
}

/// `--set` and `--no-env-overrides`, shared by commands that resolve.
struct OverrideOptions: ParsableArguments {
    @Option(
        name: .customLong("set"),
        help: ArgumentHelp("Set a value last: path=value (JSON, or text).", valueName: "path=value")
    )
    var assignments: [String] = []

    @Flag(name: .customLong("no-env-overrides"), help: "Ignore BERS__… environment variables.")
    var ignoreEnvironmentOverrides = false

    /// The resolve options these flags describe.
    var resolveOptions: ResolveOptions {
        ResolveOptions(
            environmentVariables: ignoreEnvironmentOverrides ? [:] : ProcessInfo.processInfo.environment,
            assignments: assignments
        )
    }
}
