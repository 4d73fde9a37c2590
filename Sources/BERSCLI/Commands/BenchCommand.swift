import ArgumentParser
import BERS
import BERSJSON
import Foundation

/// `bers bench`: measure the project's own operations and rate them against its KPI targets.
struct BenchCommand: AsyncParsableCommand, ProjectCommand, StructuredOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure detection, loading, lookups, URLs, validation, tenant reads and memory growth.",
        discussion: """
            Each operation is called --iterations times after a warm-up call; the report gives calls, \
            mean, median, p95, p99, max and the success rate, rated excellent (median at most the \
            target), good (at most the warning limit) or slow against the kpi section of bers.json. \
            Exit status: 0, or 1 when a call failed or, with --baseline, when an operation's median is \
            slower than the baseline's by more than --threshold percent.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, yaml, markdown
    }

    @OptionGroup var project: ProjectOptions
    @OptionGroup var environment: EnvironmentOptions
    @OptionGroup var stores: TenantStoreOptions

    @Option(help: "Calls per operation, and resolves of the memory phase.")
    var iterations = 500

    @Option(help: "Output format: text, json, yaml or markdown.")
    var format: Format = .text

    @Flag(help: "Print JSON (the same as --format json).")
    var json = false

    @Option(help: ArgumentHelp("Write an SVG chart of the latencies to this file.", valueName: "file"))
    var svg: String?

    @Option(help: ArgumentHelp("Compare with a run saved by --save; exit 1 on a regression.", valueName: "file"))
    var baseline: String?

    @Option(help: ArgumentHelp("Save this run as JSON, for a later --baseline.", valueName: "file"))
    var save: String?

    @Option(help: ArgumentHelp("How much slower a median may be than the baseline's.", valueName: "percent"))
    var threshold: Double = 20

    var structuredOutput: StructuredFormat? {
        switch chosen {
        case .json: .json
        case .yaml: .yaml
        case .text, .markdown: nil
        }
    }

    /// The format asked for.
    var chosen: Format { json ? .json : format }

    func validate() throws {
        guard (1...10_000_000).contains(iterations) else {
            throw ValidationError("--iterations must be from 1 to 10000000.")
        }
        guard threshold.isFinite, threshold >= 0 else { throw ValidationError("--threshold must be 0 or more.") }
        if json && [.markdown, .yaml].contains(format) {
            throw ValidationError("--json and --format \(format.rawValue) disagree; give one of them.")
        }
    }

    func run() async throws {
        let project = try project.load()
        let saved = try baseline.map { path throws(ConfigError) in
            try BenchRun(bytes: LocalFileSystem().contents(atPath: path), file: path)
        }
        let (environment, _) = try environment.resolveEnvironment(in: project)
        let options = BenchOptions(
            environment: environment,
            // --env names the environment loaded; detection is measured as a process without it runs.
            detectionContext: self.environment.context(for: project, explicit: false),
            resolveOptions: ResolveOptions(environmentVariables: ProcessInfo.processInfo.environment),
            iterations: iterations
        )
        let report = try await measure(project, options)
        let run = BenchRun(machine: .current(), report: report)
        let comparison = saved.map { BaselineComparison(baseline: $0, current: report, thresholdPercent: threshold) }
        printResults(run, comparison)
        try writeFiles(run)
        if report.hasFailures || comparison?.hasRegression == true { throw ExitCode(ExitStatus.invalid) }
    }

    /// Runs the bench, through the tenant store when the project has one.
    private func measure(_ project: ConfigProject, _ options: BenchOptions) async throws -> BenchReport {
        let bar = ProgressBar.onTerminal()
        defer { bar?.finish() }
        let progress = bar.map { bar in { @Sendable (progress: BenchProgress) in bar.draw(progress) } }
        guard stores.store != nil || project.settings.tenants.store != nil else {
            return try await Bench(project: project, options: options, progress: progress).run()
        }
        return try await stores.withStore(project: project) { store in
            try await Bench(project: project, options: options, tenantStore: store, progress: progress).run()
        }
    }

    private func printResults(_ run: BenchRun, _ comparison: BaselineComparison?) {
        switch chosen {
        case .text:
            Output.raw(run.report.text() + (comparison.map { "\n" + $0.text() } ?? ""))
        case .markdown:
            Output.raw(run.report.markdown() + (comparison.map { "\n" + $0.markdown() } ?? ""))
        case .json, .yaml:
            var document = run.jsonValue.objectValue ?? [:]
            if let comparison { document["comparison"] = comparison.jsonValue }
            structuredOutput?.print(.object(document))
        }
    }

    private func writeFiles(_ run: BenchRun) throws(ConfigError) {
        let fileSystem = LocalFileSystem()
        if let save {
            try fileSystem.write(Array(run.jsonValue.jsonText(.pretty).utf8), toPath: save)
            if chosen == .text { Output.line("saved: \(save)") }
        }
        if let svg {
            try fileSystem.write(Array(BenchChart(report: run.report).svg.utf8), toPath: svg)
            if chosen == .text { Output.line("chart: \(svg)") }
        }
    }
}
