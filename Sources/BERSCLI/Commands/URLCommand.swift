import ArgumentParser
import BERS
import BERSJSON

/// `bers url NAME`: expand an endpoint template.
struct URLCommand: ParsableCommand, ProjectCommand, StructuredOutputCommand {
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
    @OptionGroup var output: ReportOutputOptions

    var structuredOutput: StructuredFormat? { output.structured }

    func validate() throws {
        if name == nil && !list { throw ValidationError("Please name an endpoint, or pass --list.") }
        for parameter in parameters where !parameter.contains("=") {
            throw ValidationError("--param \(parameter): expected key=value.")
        }
    }

    func run() throws {
        let project = try project.load()
        let (environment, _) = try environment.resolveEnvironment(in: project)
        let table = try overrides.resolve(environment, in: project).endpoints()
        if list {
            let rows: [JSONValue] = table.endpoints.map { endpoint in
                [
                    "name": .string(endpoint.name), "template": .string(endpoint.template),
                    "parameters": .array(endpoint.requiredParameters.map(JSONValue.string)),
                    "optionalParameters": .array(endpoint.optionalParameters.map(JSONValue.string)),
                ]
            }
            if output.printStructured(.array(rows)) { return }
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
        let url = try table.url(name ?? "", values)
        if output.printStructured([
            "name": .string(name ?? ""), "environment": .string(environment.name), "url": .string(url),
        ]) {
            return
        }
        Output.line(url)
    }
}
