import BERS

/// One artifact to write: an environment, a format and a path.
public struct BuildJob: Sendable, Hashable {
    /// The environment.
    public var environment: Environment
    /// Why it is built.
    public var reason: EnvironmentReason
    /// The format.
    public var format: ArtifactFormat
    /// Where to write it.
    public var path: String
    /// For `swift`, an environment compiled under `#if DEBUG` instead of ``environment``.
    public var debugEnvironment: Environment?

    /// A job with these fields.
    public init(
        environment: Environment,
        reason: EnvironmentReason,
        format: ArtifactFormat,
        path: String,
        debugEnvironment: Environment? = nil
    ) {
        self.environment = environment
        self.reason = reason
        self.format = format
        self.path = path
        self.debugEnvironment = debugEnvironment
    }

    /// The jobs of `bers build --all`: every environment and format `settings` lists, written to
    /// `directory/<environment>/<file name>`.
    public static func all(settings: BuildSettings, catalog: EnvironmentCatalog, directory: String) throws(BuildError)
        -> [BuildJob]
    {
        var jobs: [BuildJob] = []
        for name in settings.environmentNames(in: catalog) {
            let environment: Environment
            do { environment = try catalog.environment(named: name) } catch { throw BuildError(resolving: error) }
            for format in settings.formats {
                let path = joinPath(joinPath(directory, name), settings.fileName(for: format))
                jobs.append(BuildJob(environment: environment, reason: .listed, format: format, path: path))
            }
        }
        return jobs
    }
}
