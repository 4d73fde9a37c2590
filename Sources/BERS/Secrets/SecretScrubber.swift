import BERSJSON
import BERSSchema

/// Takes secret values out of validation failures: a failure about a secret (or about a value
/// containing one) names the rule and never the value: `/db/password: value (redacted) is
/// shorter than 12 characters`.
public struct SecretScrubber: Sendable {
    /// The pointers of the secret values.
    let secrets: [JSONPointer]
    /// The clear texts of the secret strings, longest first.
    let texts: [String]
    /// The document validated.
    let document: JSONValue

    /// A scrubber for failures of `document`, whose secrets are at `secrets`.
    public init(document: JSONValue, secrets: [JSONPointer]) {
        self.secrets = secrets
        self.document = document
        var texts: [String] = []
        for pointer in secrets {
            guard let value = document[pointer: pointer] else { continue }
            Self.collectStrings(value, into: &texts)
        }
        self.texts = texts.sorted { $0.utf8.count > $1.utf8.count }
    }

    init(configuration: ResolvedConfiguration) {
        self.init(document: configuration.value, secrets: configuration.secretPointers)
    }

    private func render(_ pointer: JSONPointer) -> String? {
        document[pointer: pointer].map(ValidationFailure.renderedValue)
    }

    private static func collectStrings(_ value: JSONValue, into texts: inout [String]) {
        switch value {
        case .string(let text) where !text.isEmpty: texts.append(text)
        case .array(let elements): for element in elements { collectStrings(element, into: &texts) }
        case .object(let object): for member in object { collectStrings(member.value, into: &texts) }
        default: break
        }
    }

    /// `result` with the messages of failures about secrets scrubbed.
    public func scrub(_ result: ValidationResult) -> ValidationResult {
        ValidationResult(isValid: result.isValid, failures: result.failures.map(scrub))
    }

    /// `failure` (and its causes) with the message naming the rule, not the value, when it
    /// concerns a secret.
    public func scrub(_ failure: ValidationFailure) -> ValidationFailure {
        var copy = failure
        copy.causes = failure.causes.map(scrub)
        guard concernsSecret(failure.instanceLocation) else { return copy }
        var message = failure.message
        if let shown = render(failure.instanceLocation), secrets.contains(where: failure.instanceLocation.hasPrefix) {
            message = message.replacing(shown, with: SecretRedaction.inMessages)
        }
        if texts.contains(where: { message.contains($0) }) {
            message = "\(SecretRedaction.inMessages) does not satisfy \"\(failure.keyword)\""
        }
        copy.message = message
        return copy
    }

    /// Whether a failure at `pointer` may show a secret: the secret itself, something inside it,
    /// or a container holding one.
    private func concernsSecret(_ pointer: JSONPointer) -> Bool {
        secrets.contains { pointer.hasPrefix($0) || $0.hasPrefix(pointer) }
    }
}
