import ArgumentParser
import BERS
import BERSJSON

/// `bers detect`: say which environment this is and why.
struct DetectCommand: ParsableCommand, ProjectCommand, StructuredOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "Show which environment is detected, from which source, and what every source said.",
        discussion: """
            Sources, highest first: explicit (--env), config-file (bers.json "environment" or .bers-env), \
            env-variable (BERS_ENV, APP_ENV, …), url-parameter (--url), hostname-pattern (--hostname), \
            build-context (--build-context), default-fallback. A source that names no environment is \
            reported as a warning (an error with "strict": true in bers.json's detection section); \
            an --env that names no environment is an error (exit 2), and so is a detected \
            environment without any layer file (no configuration).
            """
    )

    @OptionGroup var project: ProjectOptions
    @OptionGroup var environment: EnvironmentOptions
    @OptionGroup var output: ReportOutputOptions

    var structuredOutput: StructuredFormat? { output.structured }

    func run() throws {
        let project = try project.load()
        let result = try environment.unchecked(in: project)
        do {
            try result.requireUsable(strict: project.settings.detection.strict)
        } catch {
            // The trace says what every source saw, which is what a failed detection needs.
            guard let structured = output.structured else { throw error }
            let failure = FailureReport(error)
            failure.print(structured: nil)
            var report = failure.jsonValue.objectValue ?? [:]
            report["detection"] = result.jsonValue
            structured.print(.object(report))
            throw ExitCode(failure.status)
        }
        Output.diagnostics(result.warnings)
        // An environment without layer files has no configuration, as every other command says.
        try project.requireLayerFiles(for: result.environment)
        if output.printStructured(result.jsonValue) { return }
        Output.line("environment: \(result.environment.name)")
        Output.line("source:      \(result.source.rawValue) (\(result.confidence.rawValue) confidence)")
        Output.line("trace:")
        let width = result.trace.map { ($0.value ?? "-").count }.max() ?? 1
        for step in result.trace {
            let value = step.value ?? "-"
            Output.line(
                "  \(step.outcome.rawValue.padding(8))  \(step.source.rawValue.padding(16))  \(value.padding(width))  \(step.reason)"
            )
        }
    }
}

extension String {
    /// The string padded with spaces to `width` characters.
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
