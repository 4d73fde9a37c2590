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
            is detected (see `bers detect`). Secrets (encrypted values, $secret references, places the \
            schema marks writeOnly or x-bers-secret) print as <redacted>; --reveal PATH prints one in clear.
            """
    )

    @OptionGroup var project: ProjectOptions
    @OptionGroup var environment: EnvironmentOptions
    @OptionGroup var overrides: OverrideOptions
    @OptionGroup var output: ValueOutputOptions
    @OptionGroup var reveal: RevealOptions

    @Flag(help: "Print, for each JSON pointer, the layer and file:line:col that set it and what it overrode.")
    var provenance = false

    @Flag(name: .customLong("no-validate"), help: "Skip validation against the schema named in bers.json.")
    var skipValidation = false

    var structuredOutput: StructuredFormat? { output.structuredFailure }

    func run() throws {
        let project = try project.load()
        let (environment, _) = try environment.resolveEnvironment(in: project)
        let config = try overrides.resolve(environment, in: project)
        if !skipValidation, let report = try project.validate(config), !report.isValid {
            throw project.invalidConfiguration(environment, report: report)
        }
        let revealing = try reveal.pointers(in: config)
        output.print(
            provenance ? config.provenanceDocument(revealing: revealing) : config.redactedValue(revealing: revealing)
        )
    }
}
