import BERS
import BERSConfiguration
import BERSJSON
import Benchmark
import Configuration
import Foundation
import SystemPackage

// ConfigReader.int(forKey:) on nested keys of the Picasso production configuration, through the
// BERS provider and through swift-configuration's FileProvider<JSONSnapshot> over the same
// values (the resolved configuration written as one JSON file), in the same run.

private let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

private let picasso = repositoryRoot.appendingPathComponent("Examples/picasso/config").path

/// The keys read: two and three levels deep.
private let timeoutKey: ConfigKey = "api.timeout"
private let requestsKey: ConfigKey = "api.rateLimit.requests"

/// The BERS provider over the Picasso production configuration.
private func bersProvider() throws -> BERSConfigProvider {
    try BERSConfigProvider(directory: picasso, environment: .production)
}

/// swift-configuration's JSON file provider over the same resolved values.
private func jsonProvider() async throws -> FileProvider<JSONSnapshot> {
    let configuration = try ConfigProject(directory: picasso).resolveValidated(.production)
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("bers-configuration-bench.json")
    try Data(JSONSerializer(style: .pretty).string(configuration.value).utf8).write(to: file)
    return try await FileProvider<JSONSnapshot>(filePath: FilePath(file.path))
}

/// Reads `key` `benchmark.scaledIterations` times through `reader`.
private func readInts(_ reader: ConfigReader, _ key: ConfigKey, _ benchmark: Benchmark) {
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
        blackHole(reader.int(forKey: key))
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal],
        scalingFactor: .kilo,
        maxDuration: .seconds(3),
        maxIterations: 100_000
    )

    Benchmark("ConfigReader.int api.timeout, BERS provider") { benchmark in
        readInts(ConfigReader(provider: try bersProvider()), timeoutKey, benchmark)
    }

    Benchmark("ConfigReader.int api.timeout, JSON provider") { benchmark async throws in
        readInts(ConfigReader(provider: try await jsonProvider()), timeoutKey, benchmark)
    }

    Benchmark("ConfigReader.int api.rateLimit.requests, BERS provider") { benchmark in
        readInts(ConfigReader(provider: try bersProvider()), requestsKey, benchmark)
    }

    Benchmark("ConfigReader.int api.rateLimit.requests, JSON provider") { benchmark async throws in
        readInts(ConfigReader(provider: try await jsonProvider()), requestsKey, benchmark)
    }

    Benchmark("ConfigReader.int api.timeout, reloading BERS provider") { benchmark in
        let live = try LiveConfiguration(directory: picasso, environment: .production, logger: nil)
        readInts(ConfigReader(provider: ReloadingBERSProvider(live: live)), timeoutKey, benchmark)
    }

    Benchmark("Provider value(forKey:) api.timeout, BERS provider") { benchmark in
        let provider = try bersProvider()
        let key = AbsoluteConfigKey(timeoutKey)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try provider.value(forKey: key, type: .int))
        }
    }

    Benchmark("Provider value(forKey:) api.timeout, JSON provider") { benchmark async throws in
        let provider = try await jsonProvider()
        let key = AbsoluteConfigKey(timeoutKey)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try provider.value(forKey: key, type: .int))
        }
    }
}
