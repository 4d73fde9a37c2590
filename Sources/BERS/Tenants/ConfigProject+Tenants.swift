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
