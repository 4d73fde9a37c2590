import ArgumentParser
import BERS
import BERSJSON

/// `bers url NAME`: expand an endpoint template.
struct URLCommand: ParsableCommand, ProjectCommand, StructuredOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "url",
        abstract: "Expand an endpoint template of the endpoints section.",
        discussion: """
            `bers url --list` shows every endpoint with its parameters. A URL whose template names a \
            secret value (writeOnly or x-bers-secret in the schema, encrypted, a $secret reference) is a \
            secret itself: it prints as <redacted>, and a note on standard error names the secret paths; \
            --reveal PATH for each of them prints it in clear.
            """
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
    @OptionGroup var reveal: RevealOptions

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
        let configuration = try overrides.resolve(environment, in: project)
        let table = try configuration.endpoints()
        if list {
            printList(table)
            return
        }
        var values: [String: String] = [:]
        for parameter in parameters {
            let parts = parameter.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            values[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        let url = try table.renderedURL(name ?? "", values)
        let hidden = url.unrevealedPaths(revealing: try reveal.pointers(in: configuration))
        let shown = hidden.isEmpty ? url.text : SecretRedaction.placeholder
        if !hidden.isEmpty { Output.diagnostic(Self.redactionNote(endpoint: name ?? "", hidden: hidden)) }
        var object: JSONObject = [
            "name": .string(name ?? ""), "environment": .string(environment.name), "url": .string(shown),
        ]
        if url.isSecret { object["secretPaths"] = .array(url.secretPaths.map(JSONValue.string)) }
        if output.printStructured(.object(object)) { return }
        Output.line(shown)
    }

    private func printList(_ table: EndpointTable) {
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
    }

    /// The note on standard error for a URL printed `<redacted>`: the secrets it carries, and
    /// the options that print it in clear.
    static func redactionNote(endpoint: String, hidden: [String]) -> String {
        let what = hidden.count == 1 ? "the secret \(hidden[0])" : "the secrets \(hidden.joined(separator: ", "))"
        let options = hidden.map { "--reveal \($0)" }.joined(separator: " ")
        return
            "note: the URL of endpoint \"\(endpoint)\" carries \(what), so it prints as \(SecretRedaction.placeholder); pass \(options) to print it in clear"
    }
}
