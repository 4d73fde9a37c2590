import BERSJSON
import BERSSchema

/// The outcome of validating a resolved configuration against its schema, with every failure
/// located in the layer file that set the offending value.
///
/// ```swift
/// let report = config.validate(with: try project.schemaValidator()!)
/// for line in report.messages { print(line) }
/// // config/production.json:14:17: /api/timeout: 500 is less than the minimum of 1000
/// ```
public struct ConfigValidationReport: Sendable {
    /// Whether the configuration satisfies the schema.
    public let isValid: Bool
    /// The failures, in the validator's order.
    public let failures: [ValidationFailure]
    /// The failures as `file:line:col: /pointer: message` lines (no location when a value was
    /// not set by a file, such as a variable or `--set`, whose source is named instead).
    public let messages: [String]
    /// The validator's result, for the spec's output formats (secrets scrubbed from messages).
    public let result: ValidationResult
    /// Sealed secrets (no key or missing reference here) whose failures were set aside: their
    /// text is not the value the program will see, so it cannot be judged here.
    public let unverifiedSecrets: [JSONPointer]

    init(result: ValidationResult, messages: [String], unverifiedSecrets: [JSONPointer] = []) {
        self.isValid = result.isValid
        self.failures = result.failures
        self.messages = messages
        self.result = result
        self.unverifiedSecrets = unverifiedSecrets
    }
}

extension ResolvedConfiguration {
    /// Validates the resolved value, locating failures in the layers that set the values.
    public func validate(with validator: SchemaValidator) -> ConfigValidationReport {
        let (result, unverified) = scrubbed(validator.validate(value))
        let messages = result.failures.map { failure in
            // The key of an offending member is pointed at; otherwise the value.
            let memberPointer = failure.property.map { failure.instanceLocation.appending($0) }
            let locate = { (pointer: JSONPointer) -> SourceLocation? in
                exactLocation(of: pointer, key: pointer == memberPointer)
            }
            let text = failure.rendered(locatedBy: locate)
            // A value set by a variable or --set has no file: name its source.
            guard failure.sourceLocation(locatedBy: locate) == nil,
                let provenance = provenance(at: memberPointer ?? failure.instanceLocation)
            else { return text }
            let isOverride = [.commandLine, .environmentVariable, .tenant].contains(provenance.source.layer.kind)
            let hint =
                memberPointer != nil && isOverride ? "; an override adds a key only where the schema allows it" : ""
            return "\(text) (set by \(provenance.source)\(hint))"
        }
        return ConfigValidationReport(result: result, messages: messages, unverifiedSecrets: unverified)
    }

    /// The result without failures about sealed secrets (listed instead) and with secrets taken
    /// out of the messages of the others.
    private func scrubbed(_ raw: ValidationResult) -> (ValidationResult, [JSONPointer]) {
        guard hasSecrets else { return (raw, []) }
        let sealed = sealedPointers
        let kept = raw.failures.filter { failure in !sealed.contains(where: failure.instanceLocation.hasPrefix) }
        let unverified = sealed.filter { pointer in
            raw.failures.contains { $0.instanceLocation.hasPrefix(pointer) }
        }
        let scrubber = SecretScrubber(configuration: self)
        return (scrubber.scrub(ValidationResult(isValid: kept.isEmpty, failures: kept)), unverified)
    }

    /// The location of the value at `pointer`, only when that very value came from a file.
    func exactLocation(of pointer: JSONPointer, key: Bool = false) -> SourceLocation? {
        guard let node = node(at: pointer) else { return nil }
        let (tape, origin) = storage.tape(of: node)
        if key, let location = tape.keyLocation(ofNode: origin) { return location }
        return tape.location(ofNode: origin)
    }
}
