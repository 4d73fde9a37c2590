/// Measures a project's own operations: detection, loading, lookups, URL generation, validation,
/// tenant reads (through the store and through a cache) and memory growth, each rated against
/// the `kpi` section of `bers.json`.
///
/// Each operation is called ``BenchOptions/iterations`` times after one untimed warm-up call; a
/// call that throws counts as a failure and its time is left out of the statistics. Operations
/// the project cannot run (no schema, no tenant store) are skipped with the reason.
///
/// ```swift
/// let project = try ConfigProject(directory: "config")
/// let context = project.detectionContext(environment: ProcessInfo.processInfo.environment)
/// let options = BenchOptions(environment: .staging, detectionContext: context, iterations: 200)
/// let report = try await Bench(project: project, options: options).run()
/// print(report.text())      // or report.markdown(), BenchChart(report: report).svg
/// ```
public struct Bench: Sendable {
    /// The project measured.
    public let project: ConfigProject
    /// What to measure and how.
    public let options: BenchOptions
    /// The project's tenant store, when it has one (`tenants.store`); tenants are skipped without.
    public let tenantStore: (any TenantStore)?
    /// Called between calls with the phase under way.
    public let progress: (@Sendable (BenchProgress) -> Void)?

    /// A bench of `project`.
    public init(
        project: ConfigProject,
        options: BenchOptions,
        tenantStore: (any TenantStore)? = nil,
        progress: (@Sendable (BenchProgress) -> Void)? = nil
    ) {
        self.project = project
        self.options = options
        self.tenantStore = tenantStore
        self.progress = progress
    }

    /// An operation's samples, or why it was not run.
    enum Outcome {
        case measured(SampleSet)
        case skipped(String)
    }

    /// The loop every operation is timed by.
    var stopwatch: Stopwatch { Stopwatch(clock: options.clock, iterations: options.iterations, progress: progress) }

    /// Runs every measure and reports them.
    ///
    /// - Throws: ``ConfigError`` when the environment does not resolve or its endpoints do not
    ///   compile: there is then nothing to measure.
    public func run() async throws(ConfigError) -> BenchReport {
        let configuration = try project.resolve(options.environment, options: options.resolveOptions)
        let endpoints = try configuration.endpoints()
        let tenant = await tenantTarget()
        var report = BenchReport(
            environment: options.environment.name,
            iterations: options.iterations,
            successThreshold: project.settings.kpi[.success]
        )
        add(.detection, measureDetection(), to: &report)
        add(.loading, measureLoading(), to: &report)
        add(.lookup, measureLookups(configuration), to: &report)
        add(.url, measureURLs(endpoints, tenantHash: tenant.sampleHash(project.settings.tenants)), to: &report)
        add(.validation, measureValidation(configuration), to: &report)
        add(.tenantCold, await measureColdTenant(tenant), to: &report)
        add(.tenantCached, await measureCachedTenant(tenant), to: &report)
        report.memory = measureMemory()
        if report.memory == nil {
            report.skipped.append(.init(name: "memory-growth", reason: "the resident set size cannot be read here"))
        }
        return report
    }

    private func add(_ operation: BenchOperation, _ outcome: Outcome, to report: inout BenchReport) {
        switch outcome {
        case .measured(let samples):
            report.operations.append(samples.report(operation, threshold: project.settings.kpi[operation.kpi]))
        case .skipped(let reason):
            report.skipped.append(.init(name: operation.rawValue, reason: reason))
        }
    }
}
