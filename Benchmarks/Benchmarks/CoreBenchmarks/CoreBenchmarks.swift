@_spi(Benchmarks) import BERS
import BERSJSON
import Benchmark
import Foundation

// Resolve, detection, lookup, URL expansion and parse throughput of BERS core.
// Data: ../shared/bench/workload (or $BERS_SHARED) and Examples/picasso in this repository.

private let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

private let sharedRoot: URL = {
    if let explicit = ProcessInfo.processInfo.environment["BERS_SHARED"], !explicit.isEmpty {
        return URL(fileURLWithPath: explicit)
    }
    return repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
}()

private let workload = sharedRoot.appendingPathComponent("bench/workload/config").path
private let picasso = repositoryRoot.appendingPathComponent("Examples/picasso/config").path

/// The 80 KB config-like document the JSON peers of `Peers/bench_json.py` parse too.
private let parseDocument: [UInt8] =
    (try? [UInt8](Data(contentsOf: repositoryRoot.appendingPathComponent("Benchmarks/Data/config-64k.json")))) ?? []

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .throughput],
        scalingFactor: .one,
        maxDuration: .seconds(3),
        maxIterations: 1_000_000
    )

    Benchmark("Resolve workload production from disk") { benchmark in
        for _ in benchmark.scaledIterations {
            let project = try ConfigProject(directory: workload)
            blackHole(try project.resolve(.production))
        }
    }

    Benchmark("Resolve workload production with BERS__API__TIMEOUT") { benchmark in
        let options = ResolveOptions(environmentVariables: [
            "BERS__API__TIMEOUT": "15000", "HOME": "/root", "PATH": "/usr/bin",
        ])
        for _ in benchmark.scaledIterations {
            let project = try ConfigProject(directory: workload)
            blackHole(try project.resolve(.production, options: options))
        }
    }

    Benchmark("Resolve workload production, project already loaded") { benchmark in
        let project = try ConfigProject(directory: workload)
        for _ in benchmark.scaledIterations {
            blackHole(try project.resolve(.production))
        }
    }

    Benchmark("Lookup int api.timeout", configuration: .init(scalingFactor: .kilo)) { benchmark in
        let config = try ConfigProject(directory: workload).resolve(.production)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try config.int("api.timeout"))
        }
    }

    Benchmark("Lookup string logging.level", configuration: .init(scalingFactor: .kilo)) { benchmark in
        let config = try ConfigProject(directory: workload).resolve(.production)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try config.string("logging.level"))
        }
    }

    // Without the memo; 1,000 calls per sample like the other nanosecond-scale rows (one call
    // per sample measures the cache misses of a cold CPU as well: about 14 µs).
    Benchmark("Detection cold (all sources, Picasso rules)", configuration: .init(scalingFactor: .kilo)) {
        benchmark in
        let project = try ConfigProject(directory: picasso)
        let detector = project.detector()
        let context = project.detectionContext(
            environment: ["NODE_ENV": "test", "HOME": "/root"],
            url: "https://widget.example.com/?tenant=x",
            hostname: "eu.staging.myrecruiter.ai"
        )
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(detector.detectUncached(context))
        }
    }

    Benchmark("Detection memoised", configuration: .init(scalingFactor: .kilo)) { benchmark in
        let project = try ConfigProject(directory: picasso)
        let detector = project.detector()
        let context = project.detectionContext(
            environment: ["NODE_ENV": "test", "HOME": "/root"],
            url: "https://widget.example.com/?tenant=x",
            hostname: "eu.staging.myrecruiter.ai"
        )
        _ = detector.detect(context)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(detector.detect(context))
        }
    }

    Benchmark("URL expansion configUrl(tenant)", configuration: .init(scalingFactor: .kilo)) { benchmark in
        let endpoints = try ConfigProject(directory: picasso).resolve(.production).endpoints()
        let parameters = ["tenant": "my87674d777bf9"]
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try endpoints.url("configUrl", parameters))
        }
    }

    Benchmark("URL expansion tenantAssetUrl(tenant, path)", configuration: .init(scalingFactor: .kilo)) { benchmark in
        let endpoints = try ConfigProject(directory: picasso).resolve(.production).endpoints()
        let parameters = ["tenant": "my87674d777bf9", "path": "images/logo.png"]
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try endpoints.url("tenantAssetUrl", parameters))
        }
    }

    Benchmark("Tenant cache hit (get of a cached tenant)", configuration: .init(scalingFactor: .kilo)) { benchmark in
        let store = FileSystemTenantStore(root: repositoryRoot.appendingPathComponent("Examples/picasso/tenants").path)
        let cache = TenantCache(repository: TenantRepository(store: store))
        let hash = try TenantHash("de613253a8fd66")
        _ = try await cache.get(hash)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try await cache.get(hash))
        }
    }

    Benchmark("Tenant cold get through the file store (mapping + document)") { benchmark in
        let store = FileSystemTenantStore(root: repositoryRoot.appendingPathComponent("Examples/picasso/tenants").path)
        let repository = TenantRepository(store: store)
        let hash = try TenantHash("de613253a8fd66")
        for _ in benchmark.scaledIterations {
            blackHole(try await repository.load(hash))
        }
    }

    // DEMO300003 overrides api.timeout and features.streamingEnabled; DEMO100001 overrides nothing.
    for (kind, tenant) in [("with overrides", "de113d6b3e07e5"), ("without overrides", "de613253a8fd66")] {
        Benchmark("Tenant runtime first request per tenant document (\(kind), production)") { benchmark in
            let project = try ConfigProject(directory: picasso)
            let store = FileSystemTenantStore(
                root: repositoryRoot.appendingPathComponent("Examples/picasso/tenants").path
            )
            let runtime = try TenantRuntime(project: project, store: store)
            let hash = try TenantHash(tenant)
            _ = try await runtime.resolve(environment: .production, tenant: hash)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(try await runtime.resolveComposing(environment: .production, tenant: hash))
            }
        }

        Benchmark(
            "Tenant runtime resolve (memoised, tenant \(kind), production)",
            configuration: .init(scalingFactor: .kilo)
        ) { benchmark in
            let project = try ConfigProject(directory: picasso)
            let store = FileSystemTenantStore(
                root: repositoryRoot.appendingPathComponent("Examples/picasso/tenants").path
            )
            let runtime = try TenantRuntime(project: project, store: store)
            let hash = try TenantHash(tenant)
            _ = try await runtime.resolve(environment: .production, tenant: hash)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(try await runtime.resolve(environment: .production, tenant: hash))
            }
        }
    }

    Benchmark("Live configuration: read the current generation", configuration: .init(scalingFactor: .kilo)) {
        benchmark in
        let live = try LiveConfiguration(directory: picasso, environment: .production)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(live.current)
        }
        benchmark.stopMeasurement()  // not the release of the whole project
        withExtendedLifetime(live) {}
    }

    Benchmark("Live configuration: reload (Picasso production, validated, unchanged)") { benchmark in
        let live = try LiveConfiguration(directory: picasso, environment: .production)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(live.reload())
        }
        benchmark.stopMeasurement()
        withExtendedLifetime(live) {}
    }

    // inotify, the default 100 ms debounce, resolve and validation of a two-file project: the
    // figure minus 100 ms is the edit-to-event latency beyond the debounce.
    Benchmark(
        "Live configuration: file write to applied event (debounce 100 ms)",
        configuration: .init(maxIterations: 50)
    ) { benchmark in
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bers-bench-live-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let schema = #"{"properties": {"api": {"properties": {"timeout": {"type": "integer", "minimum": 1}}}}}"#
        try Data(#"{"schema": "app.schema.json"}"#.utf8).write(to: directory.appendingPathComponent("bers.json"))
        try Data(schema.utf8).write(to: directory.appendingPathComponent("app.schema.json"))
        let file = directory.appendingPathComponent("default.json")
        try Data(#"{"api": {"timeout": 1}}"#.utf8).write(to: file)
        let live = try LiveConfiguration.start(directory: directory.path, environment: .production)
        defer { live.stop() }
        var events = live.events().makeAsyncIterator()
        var round = 2
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            try Data(#"{"api": {"timeout": \#(round)}}"#.utf8).write(to: file)
            round += 1
            blackHole(await events.next())
        }
    }

    let document = parseDocument
    Benchmark("JSON parse to a tape (\(document.count) bytes, positions on)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try JSONParser().parseTape(document, file: "bench.json"))
        }
    }

    Benchmark("JSON parse to a JSONValue tree (\(document.count) bytes), positions on") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try JSONParser().parse(document, file: "bench.json"))
        }
    }

    Benchmark("JSON parse to a JSONValue tree (\(document.count) bytes), positions off") { benchmark in
        let parser = JSONParser(options: .init(recordPositions: false))
        for _ in benchmark.scaledIterations {
            blackHole(try parser.parse(document, file: "bench.json"))
        }
    }
}
