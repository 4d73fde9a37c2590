public import BERSJSON

/// The outcome of ``SchemaValidator/validate(_:)``: valid or not, and every failure.
///
/// ```swift
/// let result = validator.validate(config)
/// guard result.isValid else {
///     result.rendered(in: document).forEach { print($0) }
///     return
/// }
/// ```
public struct ValidationResult: Sendable {
    /// Whether the instance is valid.
    public let isValid: Bool
    /// Why it is not, in evaluation order; empty when valid.
    ///
    /// `anyOf`/`oneOf` failures carry the failures of their alternatives in ``ValidationFailure/causes``.
    public let failures: [ValidationFailure]

    /// A result with these parts.
    public init(isValid: Bool, failures: [ValidationFailure]) {
        self.isValid = isValid
        self.failures = failures
    }

    /// Each failure as `file:line:col: /pointer: message`, located in `document` (the instance as it was parsed).
    ///
    /// See ``ValidationFailure/rendered(in:)``.
    public func rendered(in document: JSONDocument) -> [String] {
        failures.map { $0.rendered(in: document) }
    }
}
