import ArgumentParser
import BERS
import BERSArtifacts
import BERSJSON
import Foundation

/// `bers build`: resolve an environment at build time and write it as an artifact.
struct BuildCommand: AsyncParsableCommand, ProjectCommand, StructuredOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Write build-time artifacts of the resolved configuration.",
        discussion: """
            Formats: json (exactly the resolved configuration), metadata (its sidecar: environment, \
            inputs and their hashes, version; provenance with --provenance), swift (typed constants), \
            js (an ES module with the surface declared in bers.json's build.js), esbuild-define \
            (esbuild's define object), dotenv (KEY=value lines).

            bers build --env E --format F --out PATH   one artifact (--out - prints it)
            bers build --all --out DIR                 every environment and format of build in bers.json, \
            as DIR/<env>/<file>, and DIR/bers-manifest.json
            bers build --check DIR                     exit 1 when the artifacts in DIR no longer match their inputs \
            (read from the config directory DIR/bers-manifest.json records, unless --config-dir or \
            $BERS_CONFIG_DIR names one)

            Builds are reproducible: BERS__ variables are not read, local layers only with \
            --include-local, and no time is written without --build-time. Nothing is written when a \
            configuration does not satisfy its schema (exit 1).
            """
    )

    @OptionGroup var project: ProjectOptions
    @OptionGroup var environment: EnvironmentOptions
    @OptionGroup var stores: TenantStoreOptions

    @Option(help: "The artifact's format: json, metadata, swift, js, esbuild-define or dotenv.")
    var format: String?

    @Option(help: "The file to write (- for standard output); with --all, the folder.")
    var out: String?

    @Flag(help: "Build every environment and format listed in bers.json's build section.")
    var all = false

    @Option(
        help: ArgumentHelp(
            "Check that the artifacts built into this folder by --all match the current inputs.",
            valueName: "dir"
        )
    )
    var check: String?

    @Option(help: "Apply this tenant's allowed overrides (read from the tenant store).")
    var tenant: String?

    @Option(
        name: .customLong("debug-env"),
        help: "For --format swift: the environment compiled under #if DEBUG (the --env one otherwise)."
    )
    var debugEnvironment: String?

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp(
            "Set a value last: path=value (recorded as an input; path=<redacted> for a secret, whose value --check needs again).",
            valueName: "path=value"
        )
    )
    var assignments: [String] = []

    @Flag(name: .customLong("include-local"), help: "Read local.* and <env>.local.* layers.")
    var includeLocal = false

    @Flag(
        help: "Add the provenance of every value to the metadata artifact (with --all, written for every environment)."
    )
    var provenance = false

    @Flag(name: .customLong("build-time"), help: "Stamp the build time ($SOURCE_DATE_EPOCH when set, else now).")
    var buildTime = false

    @Flag(help: "Print the build report (or the drift report) as JSON.")
    var json = false

    @Flag(help: "Print nothing on success.")
    var quiet = false

    var structuredOutput: StructuredFormat? { json ? .json : nil }

    func validate() throws {
        let modes = [all, check != nil, format != nil].filter { $0 }.count
        guard modes == 1 else {
            throw ValidationError("Please give one of --format (with --out), --all (with --out) or --check DIR.")
        }
        if format != nil || all, out == nil { throw ValidationError("Please give --out PATH.") }
        if all && out == "-" { throw ValidationError("--all writes a folder; --out - does not apply.") }
        if check != nil, out != nil {
            throw ValidationError("--check reads the folder it is given; --out does not apply.")
        }
        if all && (environment.environment != nil || debugEnvironment != nil) {
            throw ValidationError(
                "--all builds the environments listed in bers.json; --env and --debug-env do not apply."
            )
        }
        if debugEnvironment != nil && format != "swift" {
            throw ValidationError("--debug-env applies to --format swift only.")
        }
        if provenance, let format, format != ArtifactFormat.metadata.rawValue {
            throw ValidationError(
                "--provenance is written to the metadata artifact (the json artifact is exactly the configuration); use --format metadata."
            )
        }
    }

    func run() async throws {
        let project = try loadProject()
        let tenantHash = try tenant.map { text throws(TenantError) in
            try TenantHash(text, policy: project.settings.tenants.hashPolicy)
        }
        // A check rebuilds what the manifest recorded, which may be a tenant build.
        let needsStore =
            tenantHash != nil || (check != nil && (stores.store != nil || project.settings.tenants.store != nil))
        if needsStore {
            try await stores.withStore(project: project) { store in
                try await perform(project, tenant: tenantHash, store: store)
            }
        } else {
            try await perform(project, tenant: nil, store: nil)
        }
    }

    /// The directory: `--check DIR` without `--config-dir` or `$BERS_CONFIG_DIR` reads the one
    /// its manifest records, when that exists here (read again only to explain a failure).
    var directoryChoice: DirectoryChoice {
        guard let recorded = try? recordedDirectory(), recorded.exists else { return project.choice() }
        return project.choice(recorded: (recorded.path, recorded.by))
    }

    /// The config directory the manifest of `--check DIR` records, the manifest's path, and
    /// whether the directory exists here; `nil` when there is no `--check` or a directory is named.
    private func recordedDirectory() throws(BuildError) -> (path: String, by: String, exists: Bool)? {
        guard let check, !project.isNamed else { return nil }
        let fileSystem = LocalFileSystem()
        let manifest = try BuildManifest.read(directory: check, fileSystem: fileSystem)
        guard let recorded = manifest.recordedConfigDirectory(manifestDirectory: check, fileSystem: fileSystem) else {
            return nil
        }
        return (recorded, joinPath(check, BuildManifest.fileName), fileSystem.directoryExists(atPath: recorded))
    }

    /// The project of ``directoryChoice``; a manifest that cannot be read fails here.
    private func loadProject() throws -> ConfigProject {
        guard let recorded = try recordedDirectory() else { return try project.load() }
        guard recorded.exists else {
            Output.diagnostic(
                "warning: \(recorded.by) records the config directory \(recorded.path), which does not exist here; reading \(project.directory)"
            )
            return try project.load()
        }
        return try project.load(choice: project.choice(recorded: (recorded.path, recorded.by)))
    }

    private func perform(_ project: ConfigProject, tenant: TenantHash?, store: (any TenantStore)?) async throws {
        let options = BuildOptions(
            assignments: assignments,
            includeLocalLayers: includeLocal,
            provenance: provenance,
            buildTime: buildTime ? BuildOptions.buildTime(environment: ProcessInfo.processInfo.environment) : nil,
            bersVersion: BERSVersion.current,
            tenant: tenant,
            tenantStore: store
        )
        let builder = try ArtifactBuilder(project: project, options: options)

        if let check {
            let drift = try await builder.check(directory: check)
            if json {
                Output.raw(JSONSerializer(style: .pretty).string(drift.jsonValue))
            } else if !quiet || !drift.isUpToDate {
                Output.raw(drift.text)
            }
            if !drift.isUpToDate { throw ExitCode(ExitStatus.invalid) }
            return
        }
        let out = self.out ?? "."
        let report: BuildReport
        if all {
            var settings = builder.settings
            if provenance && !settings.formats.contains(.metadata) { settings.formats.append(.metadata) }
            let jobs = try BuildJob.all(settings: settings, catalog: project.catalog, directory: out)
            report = try await builder.run(jobs, manifestDirectory: out)
        } else {
            let format = try ArtifactFormat(name: self.format ?? "")
            let (chosen, detection) = try environment.resolveEnvironment(in: project)
            let reason: EnvironmentReason = detection.map { .detected($0) } ?? .explicit
            let debug = try debugEnvironment.map { name throws(ConfigError) in try project.environment(named: name) }
            if out == "-" {
                let input = try await builder.prepare(chosen, reason: reason)
                let debugInput = try await debug.asyncMap { environment throws(BuildError) in
                    try await builder.prepare(environment, reason: reason)
                }
                Output.raw(String(decoding: try builder.render(format, input, debug: debugInput), as: UTF8.self))
                return
            }
            report = try await builder.run([
                BuildJob(environment: chosen, reason: reason, format: format, path: out, debugEnvironment: debug)
            ])
        }
        if json {
            Output.raw(JSONSerializer(style: .pretty).string(report.jsonValue))
        } else if !quiet {
            Output.raw(report.text)
        }
    }
}

extension Optional {
    /// The wrapped value mapped by an async closure.
    fileprivate func asyncMap<T, E: Error>(_ transform: (Wrapped) async throws(E) -> T) async throws(E) -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
