import BERSJSON
import BERSSchema

extension ConfigProject {
    /// The tenant validator of this project: its tenant schema (formats asserted) and settings.
    ///
    /// - Throws: ``ConfigError`` `config.invalid-schema` when the schema cannot be compiled.
    public func tenantValidator() throws(ConfigError) -> TenantValidator {
        let schema = try settings.tenants.schema.map { relative throws(ConfigError) in
            try loadSchemaValidator(at: joinPath(directory, relative))
        }
        return TenantValidator(schema: schema, settings: settings.tenants)
    }
}

extension ConfigProject {
    /// The tenant migrator of this project: the steps of the file `tenants.migrations` names, and
    /// the tenant validator.
    ///
    /// - Throws: ``ConfigError`` `config.invalid-project-file` when `tenants.migrations` is not
    ///   set or the file is malformed (located), `config.unreadable` when it cannot be read.
    public func tenantMigrator() throws(ConfigError) -> TenantMigrator {
        guard let relative = settings.tenants.migrations else {
            throw ConfigError(
                .invalidProjectFile,
                "\(joinPath(directory, "bers.json")) names no tenant migrations; set tenants.migrations to a file of steps (see README, Migrations and rollback)"
            )
        }
        let path = joinPath(directory, relative)
        let document: JSONDocument
        do {
            document = try JSONParser().parse(try fileSystem.contents(atPath: path), file: path)
        } catch let error as JSONError {
            throw ConfigError(.invalidProjectFile, error.message, location: error.location)
        } catch let error as ConfigError {
            throw error
        } catch {
            throw ConfigError(.unreadable, "cannot read \(path)")
        }
        return TenantMigrator(catalog: try TenantMigrationReader.catalog(document), validator: try tenantValidator())
    }
}
