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

    func run() throws {
        let project = try project.load()
        let (environment, _) = try environment.resolveEnvironment(in: project)
        let config = try project.resolve(environment, options: overrides.resolveOptions)
        for diagnostic in config.diagnostics { Output.diagnostic(diagnostic.description) }
        let document = provenance ? config.provenanceDocument() : config.value
        switch format {
        case .json: Output.raw(JSONSerializer(style: .pretty).string(document))
        case .yaml: Output.raw(YAMLWriter().string(document))
        }
    }
}
