import BERSJSON

/// The files of a config directory resolved once for a ``LiveConfiguration``: the validated
/// configuration and the digest of every file it was read from.
struct GenerationSource {
    let configuration: ResolvedConfiguration
    let inputs: [ConfigurationGeneration.InputFile]
    /// The directories whose changes can change the configuration: the config directory and the
    /// schema's folder.
    let watchedDirectories: [String]

    /// Loads the project, detects the environment when none is given, resolves and validates.
    ///
    /// - Throws: ``ConfigError``: what `bers resolve` would report for these files.
    init(directory: String, environment: Environment?, options: ResolveOptions, fileSystem: any FileSystem)
        throws(ConfigError)
    {
        let project = try ConfigProject(directory: directory, fileSystem: fileSystem)
        let chosen: Environment
        if let environment { chosen = environment } else { chosen = try Self.detect(in: project, options: options) }
        configuration = try project.resolveValidated(chosen, options: options)
        var paths = [ConfigProject.projectFileName, ConfigProject.environmentFileName]
            .filter(project.fileNames.contains)
            .map { joinPath(directory, $0) }
        paths += try project.layerFiles(for: chosen, includeLocal: options.includeLocalLayers).map(\.path)
        var directories = [directory]
        if let schema = project.settings.schema {
            let path = joinPath(directory, schema)
            paths.append(path)
            let folder = Self.folder(of: path)
            if !directories.contains(folder) { directories.append(folder) }
        }
        inputs = paths.map { path in
            let bytes = (try? fileSystem.contents(atPath: path)) ?? []
            return ConfigurationGeneration.InputFile(path: path, digest: BERSDigest.sha256Hex(bytes))
        }
        watchedDirectories = directories
    }

    /// A generation of this configuration, applied now.
    func generation(number: Int) -> ConfigurationGeneration {
        ConfigurationGeneration(number: number, configuration: configuration, inputs: inputs, appliedAt: .now())
    }

    /// The environment detection picks for this process's variables.
    private static func detect(in project: ConfigProject, options: ResolveOptions) throws(ConfigError) -> Environment {
        let context = project.detectionContext(environment: options.environmentVariables)
        return try project.detector().requireEnvironment(context).environment
    }

    /// The folder of `path` (`.` for a bare file name).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
