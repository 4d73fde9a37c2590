import ArgumentParser
import BERS
import BERSJSON

/// `bers doctor`: production-readiness findings for an environment.
struct DoctorCommand: ParsableCommand, ProjectCommand, StructuredOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check an environment for production readiness: findings with codes, fixes and two scores.",
        discussion: """
            Finds credentials in plain text, secrets not encrypted, http: and private URLs outside \
            development, CORS *, debug logging, tracing and full sampling in production, an \
            unrestricted URL parameter, overlapping hostname rules, a missing or open schema, loose \
            secret files and a salt in bers.json, and scores security and performance (100 each). \
            Values are never printed. bers.json "doctor": {"ignore": [{"code", "reason"}]} accepts a \
            finding. Exit status: 0 no error-level finding; 1 an error-level finding; 2 usage or input error.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, yaml, sarif
    }

    @OptionGroup var project: ProjectOptions
    @OptionGroup var environment: EnvironmentOptions
    @OptionGroup var overrides: OverrideOptions

    @Option(help: "Output format: text, json, yaml or sarif (SARIF 2.1.0, for code-scanning annotations).")
    var format: Format = .text

    @Flag(help: "Print JSON (the same as --format json).")
    var json = false

    var structuredOutput: StructuredFormat? {
        switch json ? .json : format {
        case .text: nil
        case .yaml: .yaml
        case .json, .sarif: .json
        }
    }

    func validate() throws {
        if json && format == .sarif { throw ValidationError("--json and --format sarif disagree; give one of them.") }
        if json && format == .yaml { throw ValidationError("--json and --format yaml disagree; give one of them.") }
    }

    func run() throws {
        let project = try project.load()
        let (environment, _) = try environment.resolveEnvironment(in: project)
        // Resolved here so that its warnings (a BERS__ variable naming no key) print as in resolve.
        let report = try project.doctor(configuration: overrides.resolve(environment, in: project))
        switch json ? .json : format {
        case .text: Output.raw(report.text + "\n")
        case .json: StructuredFormat.json.print(report.jsonValue)
        case .yaml: StructuredFormat.yaml.print(report.jsonValue)
        case .sarif:
            let fallback = joinPath(project.directory, "bers.json")
            StructuredFormat.json.print(report.sarif(toolVersion: BERSVersion.current, fallbackFile: fallback))
        }
        if report.hasErrors { throw ExitCode(ExitStatus.invalid) }
    }
}
