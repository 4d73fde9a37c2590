import BERSJSON

extension ConfigProject {
    /// Resolves the configuration of `environment`: its layer files merged in order, then the
    /// override variables, then the assignments, with the provenance of every value.
    ///
    /// - Throws: ``ConfigError`` `config.no-configuration` when no layer file exists for any layer
    ///   of the environment (an empty configuration is never a silent answer); errors for
    ///   unreadable or malformed layers (with `file:line:col`), bad merge strategies, and overrides
    ///   that are ambiguous, of the wrong type, or (when `bers.json` says so) name no key.
    public func resolve(_ environment: Environment, options: ResolveOptions = ResolveOptions()) throws(ConfigError)
        -> ResolvedConfiguration
    {
        var diagnostics: [ConfigDiagnostic] = []
        let layers = try layers(for: environment, options: options, diagnostics: &diagnostics)
        var sealedDiagnostics = diagnostics
        let sealed = try resolve(
            layers: layers,
            environment: environment,
            options: options,
            diagnostics: &sealedDiagnostics
        )
        guard let opened = try openSecrets(in: layers, surviving: sealed, options: options) else { return sealed }
        return try resolve(layers: opened, environment: environment, options: options, diagnostics: &diagnostics)
    }

    /// `layers` with their encrypted values that survive in `merged` opened with the options'
    /// keyring (see ``SecretOpener``), or `nil` when there is no keyring or nothing to open.
    func openSecrets(in layers: [Layer], surviving merged: ResolvedConfiguration, options: ResolveOptions)
        throws(ConfigError) -> [Layer]?
    {
        guard let keyring = options.secretKeyring else { return nil }
        return try SecretOpener(keyring: keyring, environment: merged.environment.name).open(layers, surviving: merged)
    }

    /// Checks that `environment` has a layer file, as resolving it requires, without reading any.
    ///
    /// - Throws: ``ConfigError`` `config.no-configuration` (the error ``resolve(_:options:)``
    ///   throws) when it has none; `config.ambiguous-layer` when one layer has several files.
    public func requireLayerFiles(for environment: Environment, includeLocal: Bool = true) throws(ConfigError) {
        if try layerFiles(for: environment, includeLocal: includeLocal).isEmpty {
            throw noConfiguration(for: environment, includeLocal: includeLocal)
        }
    }

    /// The `config.no-configuration` error for an environment without any layer file.
    func noConfiguration(for environment: Environment, includeLocal: Bool) -> ConfigError {
        let looked = layerBaseNames(for: environment, includeLocal: includeLocal).joined(separator: ", ")
        return ConfigError(
            .noConfiguration,
            "no configuration for \(environment.name) in \(directory): none of the layer files \(looked) exists (as .json, .yaml or .yml)"
        )
    }

    /// The layer files of `environment` (see ``layerFiles(for:includeLocal:)``), read and parsed,
    /// with their `$secret` references read and their encrypted values marked, still sealed: they
    /// are opened after the merge, only where they survive it (``openSecrets(in:surviving:options:)``).
    ///
    /// - Throws: ``ConfigError`` `config.no-configuration` when there is none, and the `secret.*`
    ///   errors of a malformed secret.
    func layers(for environment: Environment, options: ResolveOptions, diagnostics: inout [ConfigDiagnostic])
        throws(ConfigError) -> [Layer]
    {
        let includeLocal = options.includeLocalLayers
        let files = try layerFiles(for: environment, includeLocal: includeLocal)
        if files.isEmpty { throw noConfiguration(for: environment, includeLocal: includeLocal) }
        let sources = SecretSources(
            variables: options.environmentVariables,
            fileSystem: fileSystem,
            directory: directory
        )
        var layers: [Layer] = []
        for file in files {
            let layer = try file.load(from: fileSystem)
            guard SecretLayerRewriter.needsRewrite(layer.tape) else {
                layers.append(layer)
                continue
            }
            let (opened, found) = try SecretLayerRewriter.rewrite(layer, sources: sources)
            layers.append(opened)
            diagnostics += found
        }
        return layers
    }

    /// Resolves from already parsed layers plus the options' variables and assignments.
    ///
    /// The layers are merged once; override paths and types are found in that merge (so merge
    /// strategies apply to what they see), and when there are overrides their layers are merged
    /// on top.
    func resolve(
        layers: [Layer],
        environment: Environment,
        options: ResolveOptions,
        diagnostics: inout [ConfigDiagnostic]
    ) throws(ConfigError) -> ResolvedConfiguration {
        let strategies = settings.mergeStrategies
        let secrets = secretLocationSource
        let files = try ConfigProject.merge(
            layers,
            environment: environment,
            strategies: strategies,
            secrets: secrets,
            diagnostics: []
        )
        let overrides = try overrideLayers(against: files, options: options, diagnostics: &diagnostics)
        guard !overrides.isEmpty else {
            return ResolvedConfiguration(environment: environment, storage: files.storage, diagnostics: diagnostics)
        }
        return try ConfigProject.merge(
            layers + overrides,
            environment: environment,
            strategies: strategies,
            secrets: secrets,
            diagnostics: diagnostics
        )
    }

    /// Where configurations of this project learn the schema's secret places, on first use.
    var secretLocationSource: SecretLocationSource {
        SecretLocationSource { [self] in secretLocations() }
    }

    /// Merges parsed layers into a resolved configuration.
    static func merge(
        _ layers: [Layer],
        environment: Environment,
        strategies: [JSONPointer: MergeStrategy],
        secrets: SecretLocationSource,
        diagnostics: [ConfigDiagnostic]
    ) throws(ConfigError) -> ResolvedConfiguration {
        var merger = LayerMerger(layers: layers, strategies: strategies)
        try merger.merge()
        let storage = ResolvedConfiguration.Storage(
            layers: merger.layers,
            nodes: merger.nodes,
            overridden: merger.overridden,
            index: merger.index,
            secrets: secrets
        )
        return ResolvedConfiguration(environment: environment, storage: storage, diagnostics: diagnostics)
    }

    /// The layers of the options' override variables (sorted by name) and assignments (in order),
    /// each resolved against the merged files and the overrides before it.
    private func overrideLayers(
        against files: ResolvedConfiguration,
        options: ResolveOptions,
        diagnostics: inout [ConfigDiagnostic]
    ) throws(ConfigError) -> [Layer] {
        let prefix = settings.environmentOverridePrefix
        let variables =
            settings.environmentOverridesEnabled
            ? options.environmentVariables.filter { $0.key.hasPrefix(prefix) && $0.key.count > prefix.count }
                .sorted { $0.key < $1.key }
            : []
        guard !variables.isEmpty || !options.assignments.isEmpty else { return [] }

        var layers: [Layer] = []
        var base = files.value
        func add(_ resolved: Overrides.Resolved, source: LayerSource) throws(ConfigError) {
            let document = Overrides.document(for: resolved, name: source.name)
            layers.append(try Layer(source: source, document: document))
            base = Overrides.apply(document.value, to: base)
        }
        for (name, text) in variables {
            let resolved: Overrides.Resolved
            do {
                resolved = try Overrides(base: base).resolveVariable(name: name, value: text, prefix: prefix)
            } catch  where error.code == .unknownOverridePath {
                let explained = explainingKeyMigration(error, variable: name, prefix: prefix)
                if settings.unknownOverrideIsError { throw explained }
                diagnostics.append(ConfigDiagnostic(code: error.code, message: explained.message + "; ignored"))
                continue
            }
            try add(resolved, source: LayerSource(kind: .environmentVariable, name: name))
        }
        for assignment in options.assignments {
            let resolved = try Overrides(base: base).resolveAssignment(assignment)
            try add(resolved, source: LayerSource(kind: .commandLine, name: "--set \(resolved.pointer.dottedPath)"))
        }
        return layers
    }
}
