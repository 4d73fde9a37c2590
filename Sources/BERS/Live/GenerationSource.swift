import BERSJSON

/// One resolution of a config directory for a ``LiveConfiguration``: the project, the validated
/// configuration, and the exact bytes (by digest) of every file read to make it.
struct GenerationSource {
    /// What one attempt gave: the source, or why there is none; the files read either way.
    struct Attempt {
        let result: Result<GenerationSource, ConfigError>
        let inputs: [ConfigurationGeneration.InputFile]
    }

    let project: ConfigProject
    let configuration: ResolvedConfiguration
    let inputs: [ConfigurationGeneration.InputFile]

    /// Loads the project, detects the environment when none is given, resolves and validates the
    /// configuration, and checks the tenant part of the project (the tenant schema compiles, the
    /// fallback document is an object) and what the legacy route needs (its defaults document,
    /// its decorations' endpoints), recording every file read.
    static func attempt(
        directory: String,
        environment: Environment?,
        options: ResolveOptions,
        fileSystem: any FileSystem
    ) -> Attempt {
        let recorder = RecordingFileSystem(fileSystem)
        let result = Result { () throws(ConfigError) in
            let project = try ConfigProject(directory: directory, fileSystem: recorder)
            let chosen: Environment
            if let environment {
                chosen = environment
            } else {
                chosen = try project.detectedEnvironment(options: options)
            }
            let configuration = try project.resolveValidated(chosen, options: options)
            try checkTenants(of: project)
            try project.checkLegacyRoute(for: configuration)
            return (project, configuration)
        }
        let inputs = recorder.finish()
        return Attempt(
            result: result.map { GenerationSource(project: $0.0, configuration: $0.1, inputs: inputs) },
            inputs: inputs
        )
    }

    /// A generation of this configuration, applied now.
    func generation(number: Int) -> ConfigurationGeneration {
        ConfigurationGeneration(
            number: number,
            project: project,
            configuration: configuration,
            inputs: inputs,
            appliedAt: .now()
        )
    }

    /// Where tenants are configured: their schema compiles and the fallback document is an object.
    private static func checkTenants(of project: ConfigProject) throws(ConfigError) {
        let tenants = project.settings.tenants
        if tenants.schema != nil { _ = try project.tenantValidator() }
        if let fallback = tenants.fallback {
            let path = joinPath(project.directory, fallback)
            _ = try TenantFallback.load(path, from: project.fileSystem, maxBytes: tenants.maxBytes)
        }
    }

    /// The folder of `path` (`.` for a bare file name).
    static func folder(of path: String) -> String {
        guard path.utf8.contains(UInt8(ascii: "/")) else { return "." }
        let parent = PathText.parent(of: path)
        return parent.isEmpty ? "/" : parent
    }
}
