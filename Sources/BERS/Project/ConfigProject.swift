import BERSJSON

/// A config directory: `bers.json` (optional) beside `default.*`, `<env>.*`, `local.*` and
/// `<env>.local.*` layers in JSON or YAML, plus `schemas/` and `tenants/`.
///
/// Loading a project reads `bers.json` and `.bers-env` and lists the directory; layers are read
/// when an environment is resolved.
///
/// ```swift
/// let project = try ConfigProject(directory: "Examples/picasso/config")
/// let config = try project.resolve(.staging)
/// try config.string("api.baseUrl")   // "https://staging.chat.myrecruiter.ai/Master_Function"
/// ```
public struct ConfigProject: Sendable {
    /// The config directory, as given.
    public let directory: String
    /// The settings from `bers.json` (defaults when there is none).
    public let settings: ProjectSettings
    /// The known environments.
    public let catalog: EnvironmentCatalog
    /// The text of `.bers-env`, if present.
    public let environmentFile: String?
    /// The names of the files in the directory, sorted.
    public let fileNames: [String]
    /// The file system read from.
    public let fileSystem: any FileSystem
    /// The schemas compiled so far, shared by copies of the project.
    let schemas = SchemaCache()

    /// The project file name.
    public static let projectFileName = "bers.json"
    /// The deploy-time environment file name.
    public static let environmentFileName = ".bers-env"

    /// Loads the project in `directory`.
    ///
    /// - Throws: ``ConfigError`` `config.unreadable` when the directory cannot be listed,
    ///   `config.malformed-layer` when `bers.json` is not JSON, `config.invalid-project-file`,
    ///   `config.unknown-parent`, `config.inheritance-cycle` or `config.invalid-environment-name`
    ///   for bad settings, each with the `file:line:col` of the problem.
    public init(directory: String, fileSystem: any FileSystem = LocalFileSystem()) throws(ConfigError) {
        self.directory = directory
        self.fileSystem = fileSystem
        let names: [String]
        do {
            names = try fileSystem.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            throw ConfigError(
                .unreadable,
                "config directory \(directory) does not exist or is not a directory",
                underlying: error
            )
        }
        fileNames = names

        var settings = ProjectSettings()
        if names.contains(Self.projectFileName) {
            let path = joinPath(directory, Self.projectFileName)
            let bytes = try fileSystem.contents(atPath: path, maxBytes: 1 << 20)
            do {
                settings = try ProjectSettings(document: JSONParser().parse(bytes, file: path))
            } catch let error as JSONError {
                throw ConfigError.malformed(error)
            } catch let error as ConfigError {
                throw error
            } catch {
                throw ConfigError(.invalidProjectFile, "\(path): \(error)")
            }
        }
        let catalog: EnvironmentCatalog
        do {
            catalog = try EnvironmentCatalog(custom: settings.customEnvironments)
        } catch {
            var located = error
            located.location = located.location ?? settings.document?.location(of: "/environments")
            throw located
        }
        try settings.validateNames(in: catalog)
        self.settings = settings
        self.catalog = catalog

        if names.contains(Self.environmentFileName) {
            let bytes = try fileSystem.contents(atPath: joinPath(directory, Self.environmentFileName), maxBytes: 4096)
            environmentFile = String(decoding: bytes, as: UTF8.self)
        } else {
            environmentFile = nil
        }
    }

    /// The environment named `name` in this project.
    ///
    /// - Throws: ``ConfigError`` `config.unknown-environment` or `config.invalid-environment-name`.
    public func environment(named name: String) throws(ConfigError) -> Environment {
        try catalog.environment(named: name)
    }

    /// A detector configured by this project's `bers.json` and `.bers-env`.
    public func detector(clock: any MonotonicClock = SystemMonotonicClock()) -> EnvironmentDetector {
        EnvironmentDetector(
            settings: settings.detection,
            catalog: catalog,
            projectEnvironment: settings.environment,
            environmentFile: environmentFile,
            clock: clock
        )
    }

    /// A detection context for this project's detection variables.
    public func detectionContext(
        explicit: String? = nil,
        environment: [String: String] = [:],
        url: String? = nil,
        hostname: String? = nil,
        buildContext: String? = nil
    ) -> DetectionContext {
        DetectionContext(
            explicit: explicit,
            environment: environment,
            settings: settings.detection,
            url: url,
            hostname: hostname,
            buildContext: buildContext
        )
    }

    /// The layer files of `environment`, lowest precedence first: `default`, the environment files
    /// of its ancestors (custom environments), its own, `local`, `<env>.local`.
    ///
    /// - Throws: ``ConfigError`` `config.ambiguous-layer` when one layer has several files
    ///   (`default.json` and `default.yaml`).
    public func layerFiles(for environment: Environment, includeLocal: Bool = true) throws(ConfigError) -> [LayerFile] {
        let sources = layerSources(for: environment, includeLocal: includeLocal)
        // For each wanted layer, the files providing it: one pass over the directory's names.
        var present = [[String]](repeating: [], count: sources.count)
        for name in fileNames {
            for (position, wanted) in sources.enumerated() where LayerFile.isFile(name, ofLayer: wanted.base) {
                present[position].append(name)
            }
        }
        var files: [LayerFile] = []
        files.reserveCapacity(sources.count)
        for ((base, source), names) in zip(sources, present) {
            if names.count > 1 {
                throw ConfigError(
                    .ambiguousLayer,
                    "layer \(base) has several files in \(directory): \(names.joined(separator: ", ")); keep one"
                )
            }
            guard let name = names.first else { continue }
            let path = joinPath(directory, name)
            var located = source
            located.file = path
            files.append(LayerFile(source: located, path: path))
        }
        return files
    }

    /// The base names of `environment`'s layer files, lowest precedence first (`default`,
    /// `staging`, `local`, `staging.local`).
    public func layerBaseNames(for environment: Environment, includeLocal: Bool = true) -> [String] {
        layerSources(for: environment, includeLocal: includeLocal).map(\.base)
    }

    /// Whether the directory holds `bers.json` or a layer file of any environment (`default.*`,
    /// `local.*`, `<env>.*`, `<env>.local.*`): whether it is a config directory at all.
    public var hasConfiguration: Bool {
        if fileNames.contains(Self.projectFileName) { return true }
        let bases = Set(["default", "local"] + catalog.names + catalog.names.map { "\($0).local" })
        return fileNames.contains { name in LayerFile.baseName(of: name).map { bases.contains(String($0)) } ?? false }
    }

    private func layerSources(for environment: Environment, includeLocal: Bool) -> [(base: String, source: LayerSource)]
    {
        var wanted: [(base: String, source: LayerSource)] = [("default", LayerSource(kind: .defaults, name: "default"))]
        for member in catalog.lineage(of: environment) {
            wanted.append((member.name, LayerSource(kind: .environment, name: member.name)))
        }
        if includeLocal {
            wanted.append(("local", LayerSource(kind: .local, name: "local")))
            wanted.append(
                ("\(environment.name).local", LayerSource(kind: .environmentLocal, name: "\(environment.name).local"))
            )
        }
        return wanted
    }
}
