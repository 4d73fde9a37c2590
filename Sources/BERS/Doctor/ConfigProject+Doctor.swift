import BERSJSON

extension ConfigProject {
    /// Examines `environment` for production readiness: resolves and validates it, judges every
    /// value, the project's detection, schema and tenant settings, and scores the result.
    ///
    /// ```swift
    /// let report = try project.doctor(.production)
    /// report.hasErrors          // bers doctor exits 1
    /// report.securityScore      // 0 to 100
    /// ```
    ///
    /// - Throws: the errors of ``resolve(_:options:)`` and `config.invalid-schema`. A configuration
    ///   that does not satisfy its schema is not an error here: each failure is a finding.
    public func doctor(_ environment: Environment, options: ResolveOptions = ResolveOptions())
        throws(ConfigError) -> DoctorReport
    {
        try doctor(configuration: resolve(environment, options: options))
    }

    /// Examines a configuration of this project already resolved (with its warnings reported by
    /// the caller) for production readiness, as ``doctor(_:options:)`` does.
    ///
    /// - Throws: `config.invalid-schema`.
    public func doctor(configuration: ResolvedConfiguration) throws(ConfigError) -> DoctorReport {
        let environment = configuration.environment
        var examination = DoctorExamination(
            project: self,
            configuration: configuration,
            stage: doctorStage(of: environment)
        )
        try examination.examineSchema()
        examination.examineValues()
        examination.examineDiagnostics()
        examination.examineDetection()
        examination.examineTenants()
        return examination.report()
    }

    /// The kind of environment `environment` is judged as: the built-in root of its lineage.
    public func doctorStage(of environment: Environment) -> DoctorStage {
        DoctorStage(rawValue: catalog.baseEnvironment(of: environment).name) ?? .production
    }
}
