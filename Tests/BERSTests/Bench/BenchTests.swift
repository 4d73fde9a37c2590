import BERS
import BERSJSON
import Synchronization
import Testing

/// The measurement loop on projects in memory, timed by a scripted clock: what the report holds,
/// never how long anything took.
struct BenchTests {
    static let files = [
        "bers.json":
            #"{"schema": "schemas/app.schema.json", "kpi": {"url-ms": 3, "lookup-ms": {"target": 1, "warning": 2}}}"#,
        "default.json": """
        {"api": {"baseUrl": "https://example.com/api", "timeout": 6000, "ratio": 0.5, "debug": false},
         "empty": {}, "none": null, "list": [1, 2],
         "endpoints": {"config": "{api.baseUrl}?action=config&t={tenant}", "asset": "{api.baseUrl}/{+path}",
                       "health": "{api.baseUrl}/health", "search": "{api.baseUrl}?q={query?}"}}
        """,
        "schemas/app.schema.json": #"{"type": "object", "required": ["api"]}"#,
    ]

    @Test func everyOperationIsMeasuredWithTheScriptedDurations() async throws {
        let project = try makeProject(Self.files)
        let clock = ScriptedClock(milliseconds: [1, 2, 3, 4])
        let report = try await bench(project, clock: clock, store: storeWithOneTenant()).run()
        #expect(report.operations.map(\.operation) == BenchOperation.allCases)
        #expect(report.skipped.isEmpty)
        for measured in report.operations {
            #expect(
                measured.latency == LatencyStatistics(count: 4, mean: 2.5, median: 2.5, p95: 4, p99: 4, min: 1, max: 4),
                "\(measured.operation)"
            )
            #expect(measured.failures == 0, "\(measured.operation): \(measured.firstFailure ?? "")")
        }
        #expect(clock.reads == 2 * 4 * BenchOperation.allCases.count)
        #expect(report.environment == "staging")
        #expect(report.iterations == 4)
        #expect(report.success.calls == 28)
        #expect(report.success.percent == 100)
    }

    @Test func ratingsUseTheProjectsKPISection() async throws {
        let report = try await bench(try makeProject(Self.files), clock: ScriptedClock(milliseconds: [2])).run()
        #expect(report[.url]?.threshold == KPIThreshold(target: 3, warning: 15))
        #expect(report[.url]?.rating == .excellent)
        #expect(report[.lookup]?.rating == .good)
        #expect(report[.detection]?.rating == .slow)
        #expect(report.verdict == .slow)
    }

    @Test func whatTheProjectCannotRunIsSkippedWithTheReason() async throws {
        let project = try makeProject(["default.json": #"{"a": 1}"#])
        let report = try await bench(project, clock: ScriptedClock(milliseconds: [1]), memory: { nil }).run()
        #expect(report.operations.map(\.operation) == [.detection, .loading, .lookup])
        #expect(
            report.skipped == [
                .init(name: "url", reason: "the configuration has no endpoints section"),
                .init(name: "validation", reason: "bers.json names no schema"),
                .init(name: "tenant-cold", reason: "bers.json sets no tenants.store"),
                .init(name: "tenant-cached", reason: "bers.json sets no tenants.store"),
                .init(name: "memory-growth", reason: "the resident set size cannot be read here"),
            ]
        )
        #expect(report.memory == nil)
    }

    @Test func anEmptyStoreSkipsTheTenantOperations() async throws {
        let report = try await bench(
            try makeProject(Self.files),
            clock: ScriptedClock(milliseconds: [1]),
            store: ScriptedTenantStore()
        )
        .run()
        #expect(
            report.skipped.map(\.reason) == [
                "memory://test holds no tenant mappings", "memory://test holds no tenant mappings",
            ]
        )
    }

    @Test func failingCallsAreCountedAndLeftOutOfTheStatistics() async throws {
        var files = Self.files
        files["schemas/app.schema.json"] = #"{"type": "object", "required": ["missing"]}"#
        let report = try await bench(try makeProject(files), clock: ScriptedClock(milliseconds: [1])).run()
        let validation = try #require(report[.validation])
        #expect(validation.failures == 4)
        #expect(validation.latency.count == 0)
        #expect(validation.rating == .slow)
        #expect(validation.firstFailure?.contains("does not satisfy schemas/app.schema.json") == true)
        #expect(report.hasFailures)
        #expect(report.success.percent == 80)
        #expect(report.success.rating == .slow)
    }

    @Test func memoryGrowthIsTheResidentSetBeforeAndAfterTheResolves() async throws {
        let readings = Mutex([10 << 20, 13 << 20])
        let report = try await bench(try makeProject(Self.files), clock: ScriptedClock(milliseconds: [1])) {
            readings.withLock { $0.isEmpty ? nil : $0.removeFirst() }
        }
        .run()
        let memory = try #require(report.memory)
        #expect(memory.resolves == 4)
        #expect(memory.megabytes == 3)
        #expect(memory.rating == .good)
    }

    @Test func progressIsReportedForEveryPhaseUpToItsTotal() async throws {
        let seen = Mutex<[BenchProgress]>([])
        let project = try makeProject(Self.files)
        let options = BenchOptions(
            environment: .staging,
            detectionContext: project.detectionContext(),
            iterations: 4,
            clock: ScriptedClock(milliseconds: [1]),
            residentMemory: { 1 << 20 }
        )
        _ = try await Bench(project: project, options: options) { progress in seen.withLock { $0.append(progress) } }
            .run()
        let finished = seen.withLock { $0 }.filter { $0.completed == $0.total }.map(\.phase)
        #expect(finished == ["detection", "loading", "lookup", "url", "validation", "memory-growth"])
    }

    @Test func aConfigurationThatDoesNotResolveIsAnError() async throws {
        let project = try makeProject(["default.json": "{"])
        await #expect(throws: ConfigError.self) {
            try await bench(project, clock: ScriptedClock(milliseconds: [1])).run()
        }
    }

    private func bench(
        _ project: ConfigProject,
        clock: ScriptedClock,
        store: (any TenantStore)? = nil,
        memory: @escaping @Sendable () -> Int? = { 1 << 20 }
    ) -> Bench {
        let options = BenchOptions(
            environment: .staging,
            detectionContext: project.detectionContext(hostname: "localhost"),
            iterations: 4,
            clock: clock,
            residentMemory: memory
        )
        return Bench(project: project, options: options, tenantStore: store)
    }
}
