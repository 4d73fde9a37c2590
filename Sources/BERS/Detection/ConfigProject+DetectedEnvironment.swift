extension ConfigProject {
    /// The environment detection picks for `options.environmentVariables`, as `bers resolve`
    /// picks it without `--env`.
    ///
    /// - Throws: ``ConfigError`` when a source names an environment that cannot be used in
    ///   strict mode.
    public func detectedEnvironment(options: ResolveOptions) throws(ConfigError) -> Environment {
        let context = detectionContext(environment: options.environmentVariables)
        return try detector().requireEnvironment(context).environment
    }
}
