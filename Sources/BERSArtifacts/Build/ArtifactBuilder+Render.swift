import BERS

extension ArtifactBuilder {
    /// The bytes of `format`'s artifact for `input`.
    ///
    /// - Parameters:
    ///   - format: the artifact's format.
    ///   - input: the prepared environment.
    ///   - debug: for `swift` only, a second environment compiled under `#if DEBUG` (the
    ///     SwiftPM plugin's default: development in debug builds, `input` in release builds).
    /// - Throws: ``BuildError`` `build.invalid-configuration` (with every schema failure in
    ///   ``BuildError/details``) when an input does not satisfy its schema, and the errors of the
    ///   emitters: `build.missing-value`, `build.unrepresentable-value`, `build.resolve-failed`.
    public func render(_ format: ArtifactFormat, _ input: BuildInput, debug: BuildInput? = nil) throws(BuildError)
        -> [UInt8]
    {
        for candidate in [debug, input].compactMap({ $0 }) {
            try Self.requireValid(candidate)
        }
        if debug != nil && format != .swift {
            throw BuildError(
                .invalidSettings,
                "a debug environment applies to the swift format only, not \(format.rawValue)"
            )
        }
        for candidate in [debug, input].compactMap({ $0 }) {
            try requireNoSecrets(candidate, in: format)
        }
        let text: String
        switch format {
        case .json: text = JSONArtifactEmitter().emit(input)
        case .metadata: text = MetadataArtifactEmitter(provenance: options.provenance).emit(input)
        case .swift: text = try SwiftEmitter(settings: settings.swift).emit(input, debug: debug)
        case .js: text = try JSModuleEmitter(settings: settings.js).emit(input)
        case .esbuildDefine: text = try EsbuildDefineEmitter(settings: settings.esbuildDefine).emit(input)
        case .dotenv: text = try DotenvEmitter(settings: settings.dotenv).emit(input)
        }
        return Array(text.utf8)
    }

    /// Throws `build.secret-in-artifact` when the configuration holds secrets and `format` may
    /// not carry them.
    ///
    /// Every format but `metadata` writes configuration values, so the check does
    /// not depend on which values a format selects. An endpoint whose template names a secret
    /// value is a secret path too: its URL carries the value.
    func requireNoSecrets(_ input: BuildInput, in format: ArtifactFormat) throws(BuildError) {
        guard format != .metadata, !settings.formatsAllowedSecrets.contains(format) else { return }
        let secrets = input.secretPointers
        guard !secrets.isEmpty else { return }
        throw BuildError(
            .secretInArtifact,
            "the \(input.environment.name) configuration holds secrets, and the \(format.rawValue) artifact may not carry them (list the format in build.allow-secrets of bers.json to allow it); nothing was written",
            details: secrets.map { "secret at \($0.dottedPath)" }
        )
    }

    /// Throws `build.invalid-configuration` for an input that does not satisfy its schema.
    static func requireValid(_ input: BuildInput) throws(BuildError) {
        guard case .invalid(let schema, let messages) = input.validation else { return }
        throw BuildError(
            .invalidConfiguration,
            "the \(input.environment.name) configuration does not satisfy \(schema) (\(messages.count) problem\(messages.count == 1 ? "" : "s")); nothing was written",
            details: messages
        )
    }
}
