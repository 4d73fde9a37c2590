import BERSJSON

/// Checks a schema against its dialect's metaschema before it is compiled
/// (``ValidatorOptions/validateSchema``).
///
/// The validators of the five official metaschemas are compiled once per process, on first use.
/// A schema whose `$schema` names a metaschema in the registry is checked against that one
/// (compiled for the occasion); an unknown `$schema` is left to the compiler, which reports it.
enum MetaschemaCheck {
    private static let draft4 = compile(.draft4)
    private static let draft6 = compile(.draft6)
    private static let draft7 = compile(.draft7)
    private static let draft2019 = compile(.draft2019_09)
    private static let draft2020 = compile(.draft2020_12)

    private static func compile(_ dialect: Dialect) -> SchemaValidator? {
        guard let document = EmbeddedMetaschemas.documents[SchemaRegistry.key(dialect.uri)] else { return nil }
        return try? SchemaValidator(
            schema: document,
            options: ValidatorOptions(defaultDialect: dialect, validateSchema: false)
        )
    }

    /// The validator of `dialect`'s official metaschema.
    static func validator(for dialect: Dialect) -> SchemaValidator? {
        switch dialect {
        case .draft4: draft4
        case .draft6: draft6
        case .draft7: draft7
        case .draft2019_09: draft2019
        case .draft2020_12: draft2020
        }
    }

    /// Throws ``SchemaError/Code/invalidSchema`` naming the first failure when `schema` does not
    /// conform to its metaschema.
    static func check(_ schema: JSONValue, options: ValidatorOptions) throws(SchemaError) {
        let metaschema: SchemaValidator?
        var name: String
        if let uri = schema["$schema"]?.stringValue {
            if let dialect = Dialect(uri: uri) {
                metaschema = validator(for: dialect)
                name = dialect.name
            } else if let document = options.registry.document(at: uri) {
                var metaOptions = options
                metaOptions.validateSchema = false
                metaOptions.baseURI = nil
                metaschema = try? SchemaValidator(schema: document, options: metaOptions)
                name = uri
            } else {
                return
            }
        } else {
            metaschema = validator(for: options.defaultDialect)
            name = options.defaultDialect.name
        }
        guard let metaschema else { return }
        let result = metaschema.validate(schema)
        guard let first = result.failures.first else { return }
        let deepest = deepestCause(of: first)
        let others = result.failures.count > 1 ? " (and \(result.failures.count - 1) more)" : ""
        name = name.isEmpty ? "its metaschema" : "the \(name) metaschema"
        throw SchemaError(
            .invalidSchema,
            "the schema does not conform to \(name): \(deepest.message)\(others)",
            pointer: deepest.instanceLocation,
            underlying: MetaschemaFailures(failures: result.failures)
        )
    }

    /// The most specific failure: `anyOf` failures are explained by their causes.
    private static func deepestCause(of failure: ValidationFailure) -> ValidationFailure {
        var current = failure
        while let cause = current.causes.last(where: { $0.keyword != "type" }) ?? current.causes.first {
            current = cause
        }
        return current
    }
}
