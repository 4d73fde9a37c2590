import ArgumentParser
import BERS
import Foundation

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

    /// The detection context for `project`, reading the process environment; without `--env`
    /// when `explicit` is false (what detection would see in a process started without one).
    func context(for project: ConfigProject, explicit: Bool = true) -> DetectionContext {
        project.detectionContext(
            explicit: explicit ? environment : nil,
            environment: ProcessInfo.processInfo.environment,
            url: url,
            hostname: hostname ?? ProcessInfo.processInfo.hostName,
            buildContext: buildContext
        )
    }

    /// Runs detection, printing a warning for every source that said something unusable.
    ///
    /// - Throws: ``ConfigError`` for an explicit `--env` or `--build-context` that names no
    ///   environment, and for any unusable source when `detection.strict` is set.
    func detect(in project: ConfigProject) throws(ConfigError) -> DetectionResult {
        let result = try unchecked(in: project)
        try result.requireUsable(strict: project.settings.detection.strict)
        Output.diagnostics(result.warnings)
        return result
    }

    /// Runs detection without judging its result (for `bers detect`, which reports a refused
    /// result with its trace).
    ///
    /// - Throws: ``ConfigError`` for a `--build-context` that names no environment.
    func unchecked(in project: ConfigProject) throws(ConfigError) -> DetectionResult {
        if let buildContext { _ = try project.environment(named: buildContext) }
        return project.detector().detect(context(for: project))
    }

    /// The environment to use: `--env` when given (it must exist), else detection's answer.
    func resolveEnvironment(in project: ConfigProject) throws(ConfigError) -> (Environment, DetectionResult?) {
        if let environment {
            return (try project.environment(named: environment), nil)
        }
        let result = try detect(in: project)
        return (result.environment, result)
    }
}
