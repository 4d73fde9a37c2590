import ArgumentParser
import BERS
import BERSJSON
import BERSSchema
import BERSYAML

/// `bers validate`: check documents against a JSON Schema.
///
/// Two test-suite protocols of `../shared/tools/suite_runner.py` are served by hidden flags
/// (listed by `--help-hidden` only): `--instances FILE` prints one true/false line per instance of
/// a JSON Lines file, and `--suite-protocol` speaks the persistent jsts-lines/1 protocol on
/// standard input and output.
struct ValidateCommand: ParsableCommand, StructuredOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate JSON or YAML documents against a JSON Schema.",
        discussion: """
            Exit status: 0 every document is valid, 1 one is invalid, 2 a document or the schema \
            cannot be read or compiled. Failures print as file:line:col: /pointer: message.
            """
    )

    enum Output: String, ExpressibleByArgument, CaseIterable {
        case text, flag, basic, detailed
    }

    @Option(help: "The schema file (JSON).")
    var schema: String?

    @Argument(help: "The documents to validate (.json, .yaml, .yml).")
    var files: [String] = []

    @Option(help: "How to print results: text (located lines) or a JSON Schema output format.")
    var output: Output = .text

    @Flag(help: "Print JSON: the same as --output basic.")
    var json = false

    var structuredOutput: StructuredFormat? { json || output != .text ? .json : nil }

    /// The output asked for.
    private var chosenOutput: Output { json && output == .text ? .basic : output }

    @Flag(name: .customLong("format-assertion"), help: "Treat format as an assertion (an invalid uri fails).")
    var formatAssertion = false

    @Option(help: "The default dialect, as a $schema URI or a name (draft7, 2020-12, …).")
    var dialect: String?

    @Option(
        help: ArgumentHelp(
            "A JSON Lines file of instances: print one true/false line per instance (test-suite protocol).",
            visibility: .hidden
        )
    )
    var instances: String?

    @Option(name: .customLong("remotes-dir"), help: "A folder of schemas that $ref may name.")
    var remotesDirectory: String?

    @Option(name: .customLong("remotes-base"), help: "The URI under which --remotes-dir is served.")
    var remotesBase: String?

    @Flag(
        name: .customLong("suite-protocol"),
        help: ArgumentHelp("Speak the persistent jsts-lines/1 protocol on stdin/stdout.", visibility: .hidden)
    )
    var suiteProtocol = false

    func validate() throws {
        if suiteProtocol { return }
        if schema == nil { throw ValidationError("Please give --schema.") }
        if instances == nil && files.isEmpty {
            throw ValidationError("Please give documents to validate.")
        }
        if json && output != .text && output != .basic {
            throw ValidationError("--json is --output basic; it does not go with --output \(output.rawValue).")
        }
        if (remotesDirectory == nil) != (remotesBase == nil) {
            throw ValidationError("--remotes-dir and --remotes-base go together.")
        }
    }

    func run() throws {
        if suiteProtocol {
            SuiteProtocolSession().run()
            return
        }
        let options = try validatorOptions()
        let fileSystem = LocalFileSystem()
        let schemaPath = schema ?? ""
        let schemaDocument: JSONDocument
        do {
            schemaDocument = try JSONParser().parse(try fileSystem.contents(atPath: schemaPath), file: schemaPath)
        } catch let error as JSONError {
            throw ConfigError(.invalidSchema, "schema \(error.description)")
        }
        let validator: SchemaValidator
        do {
            validator = try SchemaValidator(schema: schemaDocument, options: options)
        } catch {
            let prefix = error.location == nil ? "schema \(schemaPath): " : ""
            throw ConfigError(.invalidSchema, prefix + error.message, location: error.location)
        }
        if let instances {
            try runInstances(instances, validator: validator)
            return
        }
        var allValid = true
        var outputs: [JSONValue] = []
        let secretPlaces = SecretLocations(schema: schemaDocument.value, registry: options.registry)
        for file in files {
            let document = try readDocument(file, fileSystem: fileSystem)
            // Failures about secret places name the rule, never the value.
            let scrubber = SecretScrubber(document: document.value, secrets: secretPlaces.pointers(in: document.value))
            let result = scrubber.scrub(validator.validate(document.value))
            allValid = allValid && result.isValid
            switch chosenOutput {
            case .text:
                if result.isValid {
                    BERSCLI.Output.line("\(file): valid")
                } else {
                    for line in result.rendered(in: document) { BERSCLI.Output.line(line) }
                }
            case .flag, .basic, .detailed:
                let format = OutputFormat(rawValue: chosenOutput.rawValue) ?? .basic
                outputs.append(
                    files.count == 1 ? result.output(format) : ["file": .string(file), "result": result.output(format)]
                )
            }
        }
        if chosenOutput != .text {
            let document = files.count == 1 ? (outputs.first ?? .null) : .array(outputs)
            BERSCLI.Output.raw(JSONSerializer(style: .pretty).string(document))
        }
        if !allValid { throw ExitCode(ExitStatus.invalid) }
    }

    private func validatorOptions() throws -> ValidatorOptions {
        var options = ValidatorOptions(formatAssertion: formatAssertion)
        if let dialect {
            guard let parsed = Dialect(uri: dialect) ?? Dialect(name: dialect) else {
                throw ValidationError(
                    "Unknown dialect \(dialect); use a $schema URI or draft4, draft6, draft7, 2019-09, 2020-12."
                )
            }
            options.defaultDialect = parsed
        }
        if let remotesDirectory, let remotesBase {
            options.registry = try RemoteSchemas.registry(directory: remotesDirectory, base: remotesBase)
        }
        return options
    }

    private func readDocument(_ path: String, fileSystem: LocalFileSystem) throws -> JSONDocument {
        let bytes = try fileSystem.contents(atPath: path)
        do {
            return try DocumentFile.parse(bytes, file: path)
        } catch {
            throw ConfigError(.malformedLayer, error.message, location: error.location, underlying: error)
        }
    }

    private func runInstances(_ path: String, validator: SchemaValidator) throws {
        let bytes = try LocalFileSystem().contents(atPath: path, maxBytes: 256 << 20)
        var text = ""
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) where !line.isEmpty {
            do {
                let instance = try JSONParser(options: .init(recordPositions: false)).parse(bytes: line, file: path)
                    .value
                text += validator.isValid(instance) ? "true\n" : "false\n"
            } catch {
                text += "false\n"
            }
        }
        BERSCLI.Output.raw(text)
    }
}
