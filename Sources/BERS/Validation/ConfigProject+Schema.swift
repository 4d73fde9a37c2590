import BERSJSON
import BERSSchema

extension ConfigProject {
    /// The validator of the schema `bers.json` names (`"schema": "schemas/app.schema.json"`), or
    /// `nil` when it names none.
    ///
    /// Every other `*.json` file in the schema's folder is registered under its `$id`, so schemas
    /// can `$ref` each other offline. Configuration schemas assert formats (a config file should
    /// hold valid URIs) and default to draft-07 when they do not say.
    ///
    /// - Throws: ``ConfigError`` `config.invalid-schema` (with the schema file's location) when
    ///   the schema cannot be read, parsed or compiled.
    public func schemaValidator() throws(ConfigError) -> SchemaValidator? {
        guard let relative = settings.schema else { return nil }
        return try loadSchemaValidator(at: joinPath(directory, relative))
    }

    /// Compiles the schema at `path` with the configuration defaults (draft-07, formats asserted),
    /// registering its sibling schemas for `$ref`.
    public func loadSchemaValidator(at path: String) throws(ConfigError) -> SchemaValidator {
        let document = try readSchema(path)
        var registry = SchemaRegistry()
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let siblings = (try? fileSystem.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        for name in siblings where name.hasSuffix(".json") {
            let siblingPath = joinPath(folder, name)
            guard siblingPath != path, let sibling = try? readSchema(siblingPath),
                case .string(let id)? = sibling.value["$id"]
            else {
                continue
            }
            registry.register(sibling.value, at: id)
        }
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

    private func readSchema(_ path: String) throws(ConfigError) -> JSONDocument {
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
