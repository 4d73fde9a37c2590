import ArgumentParser
import BERS
import BERSArtifacts
import BERSJSON

/// How a failed command is reported: `error: file:line:col: message` on standard error, then the
/// error's detail lines, plus `{"error": {…}}` on standard output when the command prints JSON or
/// YAML.
struct FailureReport {
    var code: String
    var message: String
    var location: SourceLocation?
    var details: [String]
    var status: Int32

    init(_ error: any BERSError) {
        code = error.code.rawValue
        message = error.message
        location = error.location
        details = error.details
        status = ExitStatus.for(error)
    }

    /// A usage error of the command line (`cli.usage`, exit 2).
    init(usage message: String) {
        code = "cli.usage"
        self.message = message
        location = nil
        details = []
        status = ExitStatus.usage
    }

    /// Whether the error (or the error it wraps) says that no configuration was found.
    static func isMissingConfiguration(_ error: any BERSError) -> Bool {
        let core = (error as? ConfigError) ?? ((error as? BuildError)?.underlying as? ConfigError)
        return core?.code == .noConfiguration
    }

    /// `{"error": {"code", "message", "location", "details"}}`.
    var jsonValue: JSONValue {
        var object: JSONObject = [
            "code": .string(code), "message": .string(message),
            "location": location.map { .string($0.description) } ?? .null,
        ]
        if !details.isEmpty { object["details"] = .array(details.map(JSONValue.string)) }
        return ["error": .object(object)]
    }

    /// Prints the report; `structured` also prints it as JSON or YAML on standard output.
    func print(structured: StructuredFormat?) {
        Output.error(location.map { "\($0): \(message)" } ?? message)
        for detail in details { Output.diagnostic(detail) }
        structured?.print(jsonValue)
    }
}
