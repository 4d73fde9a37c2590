import BERSJSON
import BERSSchema

extension ConfigProject {
    /// The validator of the schema `bers.json` names (`"schema": "schemas/app.schema.json"`), or
    /// `nil` when it names none; compiled once per loaded project.
    ///
    /// Every other `*.json` file in the schema's folder is registered under its `$id`, so schemas
    /// can `$ref` each other offline. Configuration schemas assert formats (a config file should
    /// hold valid URIs) and default to draft-07 when they do not say.
    ///
    /// - Throws: ``ConfigError`` `config.invalid-schema` (with the file's location) when the
    ///   schema or a sibling `*.schema.json` file cannot be read, parsed or compiled.
    public func schemaValidator() throws(ConfigError) -> SchemaValidator? {
        guard let relative = settings.schema else { return nil }
        return try loadSchemaValidator(at: joinPath(directory, relative))
    }

    /// Compiles the schema at `path` with the configuration defaults (draft-07, formats asserted),
    /// registering its sibling schemas for `$ref`; compiled once per loaded project.
    ///
    /// - Throws: ``ConfigError`` `config.invalid-schema` when the schema or a sibling
    ///   `*.schema.json` file cannot be read or parsed, or the schema does not compile.
    public func loadSchemaValidator(at path: String) throws(ConfigError) -> SchemaValidator {
        try schemas.validator(at: path) { () throws(ConfigError) in try compileSchema(at: path) }
    }

    /// The places the project's schema marks secret (`writeOnly` or `x-bers-secret`); none
    /// without a schema, and every place when the schema cannot be compiled (redacting everything
    /// is the safe answer; validating reports the schema's error).
    public func secretLocations() -> SecretLocations {
        guard let relative = settings.schema else { return .none }
        let path = joinPath(directory, relative)
        do {
            _ = try loadSchemaValidator(at: path)
        } catch {
            return .everything
        }
        return schemas.secretLocations(at: path) ?? .everything
    }

    /// Validates `configuration` against the project's schema, or returns `nil` when `bers.json`
    /// names none: the one place where resolving and validating meet (the CLI, `bers build` and
    /// the tenant runtime all come here).
    ///
    /// - Throws: ``ConfigError`` `config.invalid-schema` when the schema cannot be compiled. An
    ///   invalid configuration is not an error here: the report says so.
    public func validate(_ configuration: ResolvedConfiguration) throws(ConfigError) -> ConfigValidationReport? {
        try schemaValidator().map { configuration.validate(with: $0) }
    }

    /// Resolves `environment` and validates it against the project's schema.
    ///
    /// - Throws: the errors of ``resolve(_:options:)``, `config.invalid-schema`, and
    ///   `config.invalid-configuration` with one detail line per failure (`file:line:col:
    ///   /pointer: message`) when the configuration does not satisfy the schema.
    public func resolveValidated(_ environment: Environment, options: ResolveOptions = ResolveOptions())
        throws(ConfigError) -> ResolvedConfiguration
    {
        let configuration = try resolve(environment, options: options)
        if let report = try validate(configuration), !report.isValid {
            throw invalidConfiguration(environment, report: report)
        }
        return configuration
    }

    /// The `config.invalid-configuration` error for a report with failures; it says when
    /// configuration-key migrations are pending, the likely cause after an upgrade.
    public func invalidConfiguration(_ environment: Environment, report: ConfigValidationReport) -> ConfigError {
        let count = report.messages.count
        let pending = ((try? keyMigrationSteps().count) ?? 0) - settings.migrations.applied
        let hint =
            pending > 0
            ? "; \(pending) configuration-key migration\(pending == 1 ? " is" : "s are") pending: run 'bers migrate --config-dir \(directory)'"
            : ""
        return ConfigError(
            .invalidConfiguration,
            "the \(environment.name) configuration does not satisfy \(settings.schema ?? "its schema") (\(count) problem\(count == 1 ? "" : "s"))\(hint)",
            details: report.messages
        )
    }

    private func compileSchema(at path: String) throws(ConfigError) -> SchemaValidator {
        let document = try readSchema(path)
        var registry = SchemaRegistry()
        let folder = PathText.parent(of: path)
        let siblings: [String]
        do {
            siblings = try fileSystem.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder).sorted()
        } catch {
            throw ConfigError(.invalidSchema, "cannot list the schema's folder: \(error.message)", underlying: error)
        }
        for name in siblings where name.hasSuffix(".json") {
            let siblingPath = joinPath(folder, name)
            guard siblingPath != path, fileSystem.itemKind(atPath: siblingPath) == .file else { continue }
            // A `*.schema.json` file must be a readable schema; other JSON files (a layer file
            // beside a schema kept in the config directory, say) are registered when they parse.
            let sibling: JSONDocument
            do {
                sibling = try readSchema(siblingPath)
            } catch  where !name.hasSuffix(".schema.json") {
                continue
            }
            if case .string(let id)? = sibling.value["$id"] { registry.register(sibling.value, at: id) }
        }
        schemas.record(SecretLocations(schema: document.value, registry: registry), at: path)
        var options = ValidatorOptions.configuration
        options.registry = registry
        do {
            return try SchemaValidator(schema: document, options: options)
        } catch {
            throw ConfigError(
                .invalidSchema,
                "schema \(path): \(error.message)",
                location: error.location,
                underlying: error
            )
        }
    }

    func readSchema(_ path: String) throws(ConfigError) -> JSONDocument {
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.contents(atPath: path)
        } catch {
            throw ConfigError(.invalidSchema, "cannot read schema: \(error.message)", underlying: error)
        }
        do {
            return try JSONParser().parse(bytes, file: path)
        } catch {
            throw ConfigError(
                .invalidSchema,
                "schema \(path) is not JSON: \(error.message)",
                location: error.location,
                underlying: error
            )
        }
    }
}
