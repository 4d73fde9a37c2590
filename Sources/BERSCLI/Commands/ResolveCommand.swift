import ArgumentParser
import BERS
import BERSJSON
import BERSYAML

/// `bers resolve`: print the merged configuration of an environment.
struct ResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Print the merged configuration of an environment.",
        discussion: """
            Layers, lowest first: default.*, the files of a custom environment's ancestors, <env>.*, \
            local.*, <env>.local.*, BERS__… environment variables, --set. Without --env the environment \
            is detected (see `bers detect`).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, yaml
    }

    @OptionGroup var project: ProjectOptions
    @OptionGroup var environment: EnvironmentOptions
    @OptionGroup var overrides: OverrideOptions

    @Option(help: "Output format.")
    var format: Format = .json

    @Flag(help: "Print, for each JSON pointer, the layer and file:line:col that set it and what it overrode.")
    var provenance = false

    @Flag(name: .customLong("no-validate"), help: "Skip validation against the schema named in bers.json.")
    var skipValidation = false

    func run() throws {
        let project = try project.load()
        let (environment, _) = try environment.resolveEnvironment(in: project)
        let config = try project.resolve(environment, options: overrides.resolveOptions)
        for diagnostic in config.diagnostics { Output.diagnostic(diagnostic.description) }
        if !skipValidation, let validator = try project.schemaValidator() {
            let report = config.validate(with: validator)
            if !report.isValid {
                for message in report.messages { Output.diagnostic(message) }
                Output.error(
                    "the \(environment.name) configuration does not satisfy \(project.settings.schema ?? "its schema") (\(report.messages.count) problem\(report.messages.count == 1 ? "" : "s"))"
                )
                throw ExitCode(ExitStatus.invalid)
            }
        }
        let document = provenance ? config.provenanceDocument() : config.value
        switch format {
        case .json: Output.raw(JSONSerializer(style: .pretty).string(document))
        case .yaml: Output.raw(YAMLWriter().string(document))
        }
    }
}
