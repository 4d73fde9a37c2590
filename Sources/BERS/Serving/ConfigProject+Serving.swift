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

    /// The tokens of `serve.tokens`, or `nil` when none is configured.
    ///
    /// - Throws: ``ConfigError`` `serve.invalid-tokens-file`, located.
    public func accessTokens() throws(ConfigError) -> AccessTokens? {
        try settings.serve.tokensFile.map { path throws(ConfigError) in
            try AccessTokens(file: joinPath(directory, path), fileSystem: fileSystem)
        }
    }
}
