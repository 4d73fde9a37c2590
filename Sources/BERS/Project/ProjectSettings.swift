import BERSJSON

/// The content of `bers.json`, the optional project file of a config directory.
///
/// Every key is optional; a directory of layer files alone is a valid project. Unknown keys are
/// errors (with a did-you-mean), so a typo never silently disables a setting.
///
/// ```json
/// {
///   "environment": "staging",
///   "environments": {"qa": {"inherits": "staging", "description": "QA cluster"}},
///   "detection": {"env-variable": {"variables": ["BERS_ENV", "APP_ENV", "PICASSO_ENV", "NODE_ENV"]}},
///   "schema": "schemas/environment.schema.json",
///   "merge": {"security.corsOrigins": "unique"},
///   "env-overrides": {"prefix": "BERS__"}
/// }
/// ```
public struct ProjectSettings: Sendable {
    /// The `environment` key: what the `config-file` detection source answers.
    public var environment: String?
    /// Where the `environment` key is written.
    public var environmentLocation: SourceLocation?
    /// Custom environments.
    public var customEnvironments: [EnvironmentCatalog.CustomEnvironment]
    /// Detection source settings.
    public var detection: DetectionSettings
    /// Path of the JSON Schema for the resolved configuration, relative to the config directory.
    public var schema: String?
    /// Array merge strategies by path.
    public var mergeStrategies: [JSONPointer: MergeStrategy]
    /// Whether environment variables may override values.
    public var environmentOverridesEnabled: Bool
    /// The prefix of override variables (`BERS__API__TIMEOUT`).
    public var environmentOverridePrefix: String
    /// Whether an override variable that names no key is an error (otherwise a warning).
    public var unknownOverrideIsError: Bool
    /// The `tenants` section.
    public var tenants: TenantSettings
    /// The `kpi` section: the targets of `bers bench`.
    public var kpi: KPITargets
    /// The `reload` section: how a ``LiveConfiguration`` follows its files.
    public var reload: ReloadSettings
    /// The `serve` section: how `bers serve` listens and answers.
    public var serve: ServeSettings
    /// The `doctor` section: the findings of `bers doctor` the project accepts.
    public var doctor: DoctorSettings
    /// The `migrations` section: how many configuration-key migrations the layers have been through.
    public var migrations: KeyMigrationSettings
    /// The whole document, for sections read by other parts of BERS.
    public var document: JSONDocument?

    /// The settings of a project without `bers.json`.
    public init() {
        environment = nil
        environmentLocation = nil
        customEnvironments = []
        detection = .default
        schema = nil
        mergeStrategies = [:]
        environmentOverridesEnabled = true
        environmentOverridePrefix = "BERS__"
        unknownOverrideIsError = false
        tenants = TenantSettings()
        kpi = KPITargets()
        reload = ReloadSettings()
        serve = ServeSettings()
        doctor = DoctorSettings()
        migrations = KeyMigrationSettings()
        document = nil
    }

    /// The top-level keys `bers.json` may have.
    ///
    /// `build` (the artifacts of `bers build`) is read by `BERSArtifacts` from ``document``.
    public static let knownKeys = [
        "$schema", "description", "environment", "environments", "detection", "schema", "merge", "env-overrides",
        "tenants", "build", "kpi", "reload", "serve", "doctor", "migrations",
    ]

    /// Reads settings from a parsed `bers.json`.
    ///
    /// - Throws: ``ConfigError`` `config.invalid-project-file` with the location of the offending
    ///   value, for unknown keys, wrong types and invalid rules.
    public init(document: JSONDocument) throws(ConfigError) {
        self.init()
        self.document = document
        let reader = DocumentReader(document)
        guard case .object = document.value else {
            throw reader.fail(.root, "bers.json must be an object, found \(document.value.typeName)")
        }
        try reader.rejectUnknownKeys(at: .root, allowed: Self.knownKeys)

        environment = try reader.string(at: "/environment")
        environmentLocation = document.location(of: "/environment")

        if let environments = try reader.object(at: "/environments") {
            for (name, _) in environments {
                let base = JSONPointer.root.appending("environments").appending(name)
                try reader.rejectUnknownKeys(at: base, allowed: ["inherits", "description"])
                guard let inherits = try reader.string(at: base.appending("inherits")) else {
                    throw reader.fail(base, "a custom environment needs \"inherits\" naming its parent environment")
                }
                customEnvironments.append(
                    .init(
                        name: name,
                        inherits: inherits,
                        description: try reader.string(at: base.appending("description"))
                    )
                )
            }
        }

        detection = try Self.readDetection(reader)
        schema = try reader.string(at: "/schema")

        if let merge = try reader.object(at: "/merge") {
            for (path, _) in merge {
                let pointerToEntry = JSONPointer.root.appending("merge").appending(path)
                guard let text = try reader.string(at: pointerToEntry), let strategy = MergeStrategy(text: text) else {
                    throw reader.fail(
                        pointerToEntry,
                        "unknown merge strategy; use replace, append, unique or merge-by-key:<field>"
                    )
                }
                let target: JSONPointer
                do { target = try JSONPointer(path: path) } catch {
                    throw reader.failAtKey(pointerToEntry, error.message)
                }
                mergeStrategies[target] = strategy
            }
        }

        try reader.rejectUnknownKeys(at: "/env-overrides", allowed: ["enabled", "prefix", "unknown"])
        environmentOverridesEnabled = try reader.bool(at: "/env-overrides/enabled") ?? true
        if let prefix = try reader.string(at: "/env-overrides/prefix") {
            guard !prefix.isEmpty else { throw reader.fail("/env-overrides/prefix", "the prefix must not be empty") }
            environmentOverridePrefix = prefix
        }
        if let unknown = try reader.string(at: "/env-overrides/unknown") {
            guard unknown == "error" || unknown == "warn" else {
                throw reader.fail("/env-overrides/unknown", "expected \"error\" or \"warn\"")
            }
            unknownOverrideIsError = unknown == "error"
        }
        tenants = try TenantSettings(reader: reader)
        kpi = try KPITargets(reader: reader)
        reload = try ReloadSettings(reader: reader)
        serve = try ServeSettings(reader: reader)
        doctor = try DoctorSettings(reader: reader)
        migrations = try KeyMigrationSettings(reader: reader)
    }

    private static func readDetection(_ reader: DocumentReader) throws(ConfigError) -> DetectionSettings {
        var settings = DetectionSettings()
        let base: JSONPointer = "/detection"
        guard try reader.object(at: base) != nil else { return settings }
        try reader.rejectUnknownKeys(
            at: base,
            allowed: DetectionSource.allCases.map(\.rawValue) + ["cache-ttl-ms", "strict"]
        )

        for source in DetectionSource.allCases {
            let pointer = base.appending(source.rawValue)
            guard try reader.object(at: pointer) != nil else { continue }
            let specific: [String] =
                switch source {
                case .environmentVariable: ["variables"]
                case .urlParameter: ["name", "allow"]
                case .hostnamePattern: ["rules"]
                case .defaultFallback: ["environment"]
                default: []
                }
            try reader.rejectUnknownKeys(
                at: pointer,
                allowed: (source == .defaultFallback ? [] : ["enabled"]) + specific
            )
            if try reader.bool(at: pointer.appending("enabled")) == false { settings.disabled.insert(source) }
        }

        if let variables = try reader.strings(at: "/detection/env-variable/variables") {
            settings.variables = variables
        }
        if let name = try reader.string(at: "/detection/url-parameter/name") {
            guard !name.isEmpty else {
                throw reader.fail("/detection/url-parameter/name", "the parameter name must not be empty")
            }
            settings.urlParameterName = name
        }
        settings.urlParameterAllowed = try reader.strings(at: "/detection/url-parameter/allow")

        if let rules = try reader.object(at: "/detection/hostname-pattern/rules") {
            var parsed: [HostnameRules.Rule] = []
            for (environment, _) in rules {
                let pointer = JSONPointer(tokens: ["detection", "hostname-pattern", "rules", environment])
                for (index, text) in (try reader.strings(at: pointer) ?? []).enumerated() {
                    do {
                        parsed.append(.init(environment: environment, pattern: try HostnamePattern(text)))
                    } catch {
                        throw reader.fail(pointer.appending(index: index), error.message)
                    }
                }
            }
            settings.hostnameRules = HostnameRules(rules: parsed)
        }
        if let fallback = try reader.string(at: "/detection/default-fallback/environment") {
            settings.fallback = fallback
        }
        settings.strict = try reader.bool(at: "/detection/strict") ?? false
        if let ttl = try reader.integer(at: "/detection/cache-ttl-ms", range: 0...86_400_000) {
            settings.cacheTTLMilliseconds = ttl
        }
        return settings
    }

    /// Checks the names the settings mention against the catalog.
    ///
    /// The `environment` key, the detection fallback, the URL allow list and the hostname rule
    /// environments are written in this file, beside the environments they may name, so an
    /// unknown one is a typo.
    func validateNames(in catalog: EnvironmentCatalog) throws(ConfigError) {
        guard let document else { return }
        let reader = DocumentReader(document)
        func check(_ name: String, at pointer: JSONPointer) throws(ConfigError) {
            if let problem = catalog.rejectionReason(for: name) { throw reader.fail(pointer, problem) }
        }
        if let environment { try check(environment, at: "/environment") }
        try check(detection.fallback, at: "/detection/default-fallback/environment")
        for (index, name) in (detection.urlParameterAllowed ?? []).enumerated() {
            try check(name, at: JSONPointer(tokens: ["detection", "url-parameter", "allow", String(index)]))
        }
        for rule in detection.hostnameRules.rules {
            try check(
                rule.environment,
                at: JSONPointer(tokens: ["detection", "hostname-pattern", "rules", rule.environment])
            )
        }
    }
}
