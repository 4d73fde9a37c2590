import ArgumentParser
import BERS
import BERSJSON

/// `bers detect`: say which environment this is and why.
struct DetectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "Show which environment is detected, from which source, and what every source said.",
        discussion: """
            Sources, highest first: explicit (--env), config-file (bers.json "environment" or .bers-env), \
            env-variable (BERS_ENV, APP_ENV, …), url-parameter (--url), hostname-pattern (--hostname), \
            build-context (--build-context), default-fallback.
            """
    )

    @OptionGroup var project: ProjectOptions
    @OptionGroup var environment: EnvironmentOptions

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() throws {
        let project = try project.load()
        let result = project.detector().detect(environment.context(for: project))
        if json {
            Output.raw(JSONSerializer(style: .pretty).string(result.jsonValue))
            return
        }
        Output.line("environment: \(result.environment.name)")
        Output.line("source:      \(result.source.rawValue) (\(result.confidence.rawValue) confidence)")
        Output.line("trace:")
        let width = result.trace.map { ($0.value ?? "-").count }.max() ?? 1
        for step in result.trace {
            let mark = step.accepted ? "accepted" : "rejected"
            let value = step.value ?? "-"
            Output.line("  \(mark)  \(step.source.rawValue.padding(16))  \(value.padding(width))  \(step.reason)")
        }
    }
}

extension EnvironmentOptions {
    init(environment: String?, url: String?, hostname: String?, buildContext: String?) {
        self.init()
        self.environment = environment
        self.url = url
        self.hostname = hostname
        self.buildContext = buildContext
    }
}

extension String {
    /// The string padded with spaces to `width` characters.
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
