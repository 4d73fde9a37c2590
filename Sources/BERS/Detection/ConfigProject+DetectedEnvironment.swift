extension ConfigProject {
    /// The environment detection picks for `options.environmentVariables`, as `bers resolve`
    /// picks it without `--env`.
    ///
    /// - Throws: ``ConfigError`` when a source names an environment that cannot be used in
    ///   strict mode.
    public func detectedEnvironment(options: ResolveOptions) throws(ConfigError) -> Environment {
        try environmentDetection(options: options).environment
    }

    /// The detection behind ``detectedEnvironment(options:)``, with its trace and its
    /// ``DetectionResult/warnings`` (a misspelled `BERS_ENV` and what was used instead), for a
    /// caller that must not drop them.
    ///
    /// - Throws: ``ConfigError`` when a source names an environment that cannot be used in
    ///   strict mode.
    public func environmentDetection(options: ResolveOptions) throws(ConfigError) -> DetectionResult {
        let context = detectionContext(environment: options.environmentVariables)
        return try detector().requireEnvironment(context)
    }
}
