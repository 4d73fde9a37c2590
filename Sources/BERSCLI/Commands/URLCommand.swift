import ArgumentParser
import BERS

/// `bers url NAME`: expand an endpoint template.
struct URLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "url",
        abstract: "Expand an endpoint template of the endpoints section.",
        discussion: "`bers url --list` shows every endpoint with its parameters."
    )

    @Argument(help: "The endpoint's name.")
    var name: String?

    @Option(name: .customLong("param"), help: ArgumentHelp("A call-time parameter.", valueName: "key=value"))
    var parameters: [String] = []

    @Flag(help: "List the endpoints and their parameters.")
    var list = false

    @OptionGroup var project: ProjectOptions
    @OptionGroup var environment: EnvironmentOptions
    @OptionGroup var overrides: OverrideOptions

    func validate() throws {
        if name == nil && !list { throw ValidationError("Please name an endpoint, or pass --list.") }
        for parameter in parameters where !parameter.contains("=") {
            throw ValidationError("--param \(parameter): expected key=value.")
        }
    }

    func run() throws {
        let project = try project.load()
        let (environment, _) = try environment.resolveEnvironment(in: project)
        let table = try project.resolve(environment, options: overrides.resolveOptions).endpoints()
        if list {
            for endpoint in table.endpoints {
                let parameters = endpoint.requiredParameters + endpoint.optionalParameters.map { $0 + "?" }
                Output.line("\(endpoint.name)(\(parameters.joined(separator: ", ")))  \(endpoint.template)")
            }
            return
        }
        var values: [String: String] = [:]
        for parameter in parameters {
            let parts = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            values[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        Output.line(try table.url(name ?? "", values))
    }
}
