import BERS
import BERSArtifacts
import BERSJSON

/// How a failed command is reported: `error: file:line:col: message` on standard error, then the
/// error's detail lines, plus `{"error": {…}}` on standard output when the command prints JSON or
/// YAML.
struct FailureReport {
    /// The error.
    let error: any BERSError
    /// A sentence added to the error's message (how the config directory was chosen).
    var note: String?

    init(_ error: any BERSError, note: String? = nil) {
        self.error = error
        self.note = note
    }

    /// The exit status of the error.
    var status: Int32 { ExitStatus.for(error) }

    /// The message, with the note.
    var message: String { note.map { "\(error.message); \($0)" } ?? error.message }

    /// Whether the error (or the error it wraps) says that no configuration was found.
    var isMissingConfiguration: Bool {
        let core = (error as? ConfigError) ?? ((error as? BuildError)?.underlying as? ConfigError)
        return core?.code == .noConfiguration
    }

    /// `{"error": {"code", "message", "location", "details"}}`.
    var jsonValue: JSONValue {
        var object = error.jsonValue.objectValue ?? [:]
        object["message"] = .string(message)
        return ["error": .object(object)]
    }

    /// Prints the report; `structured` also prints it as JSON or YAML on standard output.
    func print(structured: StructuredFormat?) {
        Output.error(error.location.map { "\($0): \(message)" } ?? message)
        for detail in error.details { Output.diagnostic(detail) }
        structured?.print(jsonValue)
    }
}
