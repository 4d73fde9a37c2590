public import BERSJSON

/// A compiled JSON Schema: compile once, validate many instances, from any number of tasks.
///
/// Compiling resolves the dialect, every `$ref` (against the schema itself, the
/// ``ValidatorOptions/registry`` and the embedded metaschemas), and every regular expression, so
/// validation never fails for reasons that lie in the schema.
///
/// ```swift
/// let validator = try SchemaValidator(schema: schema, options: .configuration)
/// if !validator.isValid(config) {
///     for failure in validator.validate(config).failures {
///         print(failure.rendered(in: document))
///         // production.json:14:17: /api/timeout: 500 is less than the minimum of 1000
///     }
/// }
/// ```
///
/// The validator is an immutable value; copies share the compiled form.
public struct SchemaValidator: Sendable {
    private let compiled: CompiledSchema

    /// The dialect of the root schema (from its `$schema`, or the default).
    public var dialect: Dialect { compiled.dialect }

    /// Compiles `schema`.
    ///
    /// - Parameters:
    ///   - schema: the schema document (an object or a boolean).
    ///   - options: dialect default, format assertion, registry, limits. See ``ValidatorOptions``.
    /// - Throws: ``SchemaError``: ``SchemaError/Code/invalidSchema`` when the schema does not
    ///   conform to its metaschema (with ``ValidatorOptions/validateSchema``),
    ///   ``SchemaError/Code/invalidKeyword``, ``SchemaError/Code/unknownDialect``,
    ///   ``SchemaError/Code/unknownVocabulary``, ``SchemaError/Code/unresolvableReference``,
    ///   ``SchemaError/Code/invalidRegex``, ``SchemaError/Code/invalidOptions``. The error's
    ///   ``SchemaError/pointer`` says where in `schema` the problem is.
    public init(schema: JSONValue, options: ValidatorOptions = .default) throws(SchemaError) {
        if options.validateSchema {
            try MetaschemaCheck.check(schema, options: options)
        }
        var compiler = SchemaCompiler(options: options)
        compiled = try compiler.compile(schema)
    }

    /// Compiles a schema read from a file, so that errors carry its `file:line:col`.
    ///
    /// ```swift
    /// let document = try JSONParser().parse(bytes, file: "schemas/environment.schema.json")
    /// let validator = try SchemaValidator(schema: document, options: .configuration)
    /// ```
    ///
    /// - Parameters:
    ///   - document: the parsed schema file.
    ///   - options: see ``ValidatorOptions``.
    /// - Throws: ``SchemaError`` as ``init(schema:options:)-(JSONValue,_)``, with
    ///   ``SchemaError/location`` set when the problem is inside `document`.
    public init(schema document: JSONDocument, options: ValidatorOptions = .default) throws(SchemaError) {
        do {
            try self.init(schema: document.value, options: options)
        } catch {
            var located = error
            if let pointer = error.pointer {
                located.location = document.nearestLocation(of: pointer)
            }
            throw located
        }
    }

    /// Whether `instance` is valid.
    ///
    /// The fast path: stops at the first failure and builds no messages or locations.
    ///
    /// - Parameter instance: the value to check.
    /// - Returns: `true` when every keyword passes.
    public func isValid(_ instance: JSONValue) -> Bool {
        var evaluator = Evaluator(schema: compiled, sink: FlagSink())
        var none: EvaluatedSet? = nil
        return evaluator.evaluate(compiled.root, instance, &none)
    }

    /// Validates `instance` and reports every failure with its locations and message.
    ///
    /// ```swift
    /// let result = validator.validate(config)
    /// result.isValid                       // false
    /// result.failures.first?.message       // "500 is less than the minimum of 1000"
    /// result.output(.basic)                // the spec's "basic" output unit, as JSON
    /// ```
    ///
    /// - Parameter instance: the value to check.
    /// - Returns: the failures, in evaluation order (empty when valid).
    public func validate(_ instance: JSONValue) -> ValidationResult {
        // Most instances are valid: the flag pass builds no failure of a discarded `anyOf`
        // branch or `if` schema, and a second pass collects the failures of the others.
        if isValid(instance) { return ValidationResult(isValid: true, failures: []) }
        var evaluator = Evaluator(schema: compiled, sink: FailureCollector(schema: compiled))
        var none: EvaluatedSet? = nil
        let valid = evaluator.evaluate(compiled.root, instance, &none)
        return ValidationResult(isValid: valid, failures: evaluator.sink.failures)
    }
}
