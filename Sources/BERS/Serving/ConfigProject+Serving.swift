import BERSJSON

extension ConfigProject {
    /// The legacy route's defaults document (`serve.legacy.defaults`), or `nil` when none is
    /// configured.
    ///
    /// - Throws: ``ConfigError`` when the file cannot be read, is not JSON, or is not an object.
    public func legacyDefaults() throws(ConfigError) -> JSONObject? {
        try settings.serve.legacy.defaults.map { path throws(ConfigError) in
            try TenantFallback.load(joinPath(directory, path), from: fileSystem, maxBytes: settings.tenants.maxBytes)
        }
    }

    /// Checks what the legacy route needs from this project: the defaults document reads as an
    /// object, and every decoration names an endpoint `configuration` defines.
    ///
    /// - Throws: ``ConfigError`` for an unreadable defaults document, `config.unknown-endpoint`
    ///   for a decoration whose endpoint does not exist.
    public func checkLegacyRoute(for configuration: ResolvedConfiguration) throws(ConfigError) {
        _ = try legacyDefaults()
        let decorations = settings.serve.legacy.decorations
        guard !decorations.isEmpty else { return }
        let endpoints = try configuration.endpoints()
        for decoration in decorations where endpoints.endpoint(decoration.endpoint) == nil {
            throw ConfigError(
                .unknownEndpoint,
                "serve.legacy.decorations \"\(decoration.path)\" names endpoint \"\(decoration.endpoint)\", which the \(configuration.environment.name) endpoints do not define"
            )
        }
    }

    /// The tokens of `serve.tokens`, or `nil` when none is configured.
    ///
    /// - Throws: ``ConfigError`` `serve.invalid-tokens-file`, located.
    public func accessTokens() throws(ConfigError) -> AccessTokens? {
        try settings.serve.tokensFile.map { path throws(ConfigError) in
            try AccessTokens(file: joinPath(directory, path), fileSystem: fileSystem)
        }
    }
}
