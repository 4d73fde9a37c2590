import BERS
import BERSJSON
import BERSSchema

/// Resolves, validates and renders the artifacts of one config directory.
///
/// ```swift
/// let project = try ConfigProject(directory: "Examples/picasso/config")
/// let builder = try ArtifactBuilder(project: project, options: BuildOptions(bersVersion: BERSVersion.current))
/// let input = try await builder.prepare(.production, reason: .explicit)
/// let module = try builder.render(.js, input)          // the bytes of the ES module
/// ```
///
/// Use ``run(_:manifestDirectory:)`` to build and write several artifacts at once, and
/// ``check(directory:)`` to verify artifacts built earlier.
public struct ArtifactBuilder: Sendable {
    /// The project built.
    public let project: ConfigProject
    /// Its `build` section.
    public let settings: BuildSettings
    /// What is applied and stamped.
    public internal(set) var options: BuildOptions
    let clock: any MonotonicClock

    /// A builder for `project`: reads its `build` section and compiles its schema once.
    ///
    /// - Parameters:
    ///   - project: the config directory.
    ///   - options: what is applied and stamped.
    ///   - clock: measures the time a build takes.
    /// - Throws: ``BuildError`` `build.invalid-settings` (and the other settings codes) for a bad
    ///   `build` section, `build.resolve-failed` for a schema that cannot be compiled.
    public init(
        project: ConfigProject,
        options: BuildOptions = BuildOptions(),
        clock: any MonotonicClock = SystemMonotonicClock()
    ) throws(BuildError) {
        self.project = project
        self.settings = try BuildSettings(project: project)
        self.options = options
        self.clock = clock
        do {
            // Compiled now so that a bad schema fails the build before anything is resolved.
            _ = try project.schemaValidator()
        } catch {
            throw BuildError(resolving: error)
        }
    }

    /// Resolves `environment` (with the tenant's allowed overrides for a tenant build), compiles its
    /// endpoints, validates it, and hashes its inputs.
    ///
    /// An invalid configuration is not an error here: ``BuildInput/validation`` says so, and
    /// ``render(_:_:debug:)`` and ``run(_:manifestDirectory:)`` refuse it.
    ///
    /// - Throws: ``BuildError`` `build.resolve-failed` (unreadable or malformed layer, bad
    ///   template, bad `--set`), `build.tenant-failed`.
    public func prepare(_ environment: Environment, reason: EnvironmentReason) async throws(BuildError) -> BuildInput {
        let resolveOptions = ResolveOptions(
            environmentVariables: [:],
            assignments: options.assignments,
            includeLocalLayers: options.includeLocalLayers
        )
        var inputs: [InputFile] = []
        let configuration: ResolvedConfiguration
        do {
            if let tenant = options.tenant {
                let (resolved, input) = try await resolveTenant(
                    tenant,
                    environment: environment,
                    options: resolveOptions
                )
                configuration = resolved
                inputs.append(input)
            } else {
                configuration = try project.resolve(environment, options: resolveOptions)
            }
        } catch let error as ConfigError {
            throw BuildError(resolving: error)
        } catch let error as BuildError {
            throw error
        } catch {
            throw BuildError(.tenantFailed, "\(error)", underlying: error)
        }
        let endpoints: EndpointTable
        do {
            endpoints = try configuration.endpoints()
        } catch {
            throw BuildError(resolving: error)
        }
        inputs =
            try fileInputs(for: environment) + inputs
            + options.assignments.map { assignment in
                // A secret's value is not recorded, nor any hash of it that could be guessed.
                let recorded = RecordedAssignment.recorded(assignment, in: [configuration])
                return InputFile(role: .assignment, name: recorded, sha256: BERSDigest.sha256Hex(Array(recorded.utf8)))
            }

        var validation = ValidationOutcome.noSchema
        let report: ConfigValidationReport?
        do {
            report = try project.validate(configuration)
        } catch {
            throw BuildError(resolving: error)
        }
        if let report {
            let schema = project.settings.schema ?? "schema"
            validation = report.isValid ? .valid(schema: schema) : .invalid(schema: schema, messages: report.messages)
        }
        return BuildInput(
            environment: environment,
            reason: reason,
            configuration: configuration,
            endpoints: endpoints,
            inputs: inputs,
            inputsHash: InputFile.combinedHash(inputs, environment: environment.name),
            validation: validation,
            diagnostics: configuration.diagnostics.map(\.description),
            environmentNames: project.catalog.names,
            lineage: project.catalog.lineage(of: environment).map(\.name),
            bersVersion: options.bersVersion,
            buildTime: options.buildTime,
            tenant: options.tenant,
            configDirectory: project.directory
        )
    }

    private func resolveTenant(
        _ tenant: TenantHash,
        environment: Environment,
        options: ResolveOptions
    ) async throws -> (ResolvedConfiguration, InputFile) {
        guard let store = self.options.tenantStore else {
            throw BuildError(
                .tenantFailed,
                "a --tenant build needs a tenant store (tenants.store in bers.json, or --store)"
            )
        }
        // A missing tenant builds nothing, whether or not the project has a fallback document.
        func missing(_ error: TenantError) -> BuildError {
            BuildError(.tenantFailed, "tenant \(tenant.value): \(error.message); nothing was built", underlying: error)
        }
        let served: RuntimeConfiguration
        do {
            served = try await TenantRuntime(project: project, store: store)
                .resolve(environment: environment, tenant: tenant, options: options)
        } catch let error as TenantError where error.code == .notFound {
            throw missing(error)
        }
        if case .fallback(let error) = served.source { throw missing(error) }
        let canonical = JSONSerializer(style: .canonical).bytes(served.tenant)
        let name = served.tenantDocument.map(\.key) ?? tenant.value
        return (served.configuration, InputFile(role: .tenant, name: name, sha256: BERSDigest.sha256Hex(canonical)))
    }
}
