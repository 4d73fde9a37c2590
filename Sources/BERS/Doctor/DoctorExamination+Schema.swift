import BERSJSON

extension DoctorExamination {
    /// Validates against the project's schema (each failure a finding) and looks for object
    /// schemas that accept unknown keys; without a schema, says so.
    mutating func examineSchema() throws(ConfigError) {
        guard let relative = project.settings.schema else {
            add(
                .missingSchema,
                "bers.json names no schema, so nothing checks the \(configuration.environment.name) configuration's keys, types and ranges",
                location: settingLocation(.root)
            )
            return
        }
        if let report = try project.validate(configuration) {
            // Failures about credential-like values name the rule, never the value.
            let credentials = values.filter(CredentialDetector().isCredential).map(\.pointer)
            let scrubber = SecretScrubber(document: configuration.value, secrets: credentials)
            for failure in report.failures.map(scrubber.scrub) {
                add(
                    .invalidConfiguration,
                    "\(failure.instanceLocation): \(failure.message)",
                    pointer: failure.instanceLocation,
                    location: configuration.location(of: failure.instanceLocation)
                )
            }
        }
        let path = joinPath(project.directory, relative)
        let schema = try project.readSchema(path)
        for open in OpenSchemaWalker.openObjects(schema: schema.value, instance: configuration.value) {
            let place = open.instance.isRoot ? "the configuration" : "\(open.instance)"
            add(
                .openSchema,
                "\(place) accepts keys the schema does not name (schema \(open.schema.isRoot ? "root" : open.schema.description))",
                pointer: open.instance,
                location: schema.location(of: open.schema)
            )
        }
    }
}
