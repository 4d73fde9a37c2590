import ArgumentParser
import BERS
import BERSJSON

/// `bers resolve`: print the merged configuration of an environment.
struct ResolveCommand: ParsableCommand, ProjectCommand, StructuredOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Print the merged configuration of an environment.",
        discussion: """
            Layers, lowest first: default.*, the files of a custom environment's ancestors, <env>.*, \
            local.*, <env>.local.*, BERS__… environment variables, --set. Without --env the environment \
            is detected (see `bers detect`).
            """
    )

    @OptionGroup var project: ProjectOptions
    @OptionGroup var environment: EnvironmentOptions
    @OptionGroup var overrides: OverrideOptions
    @OptionGroup var output: ValueOutputOptions

    @Flag(help: "Print, for each JSON pointer, the layer and file:line:col that set it and what it overrode.")
    var provenance = false

    @Flag(name: .customLong("no-validate"), help: "Skip validation against the schema named in bers.json.")
    var skipValidation = false

    var structuredOutput: StructuredFormat? { output.structuredFailure }

    func run() throws {
        let project = try project.load()
        let (environment, _) = try environment.resolveEnvironment(in: project)
        let config = try overrides.resolve(environment, in: project)
        if !skipValidation, let validator = try project.schemaValidator() {
            let report = config.validate(with: validator)
            if !report.isValid {
                let count = report.messages.count
                throw ConfigError(
                    .invalidConfiguration,
                    "the \(environment.name) configuration does not satisfy \(project.settings.schema ?? "its schema") (\(count) problem\(count == 1 ? "" : "s"))",
                    details: report.messages
                )
            }
        }
        output.print(provenance ? config.provenanceDocument() : config.value)
    }
}
