// swift-tools-version: 6.1
// Benchmarks for BERS, kept out of the main package so `swift test` never builds them.
// Run: cd Benchmarks && swift package --allow-writing-to-package-directory benchmark
import PackageDescription

let package = Package(
    name: "BERSBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "bers", path: ".."),
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
        // Its JSON provider is what the BERS provider is measured against.
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0", traits: ["JSON"]),
        .package(url: "https://github.com/apple/swift-system", from: "1.5.0"),
    ],
    targets: [
        // A plain loop over one operation, for perf and callgrind profiles.
        .executableTarget(
            name: "ProfileDriver",
            dependencies: [.product(name: "BERS", package: "bers")],
            path: "Benchmarks/ProfileDriver"
        ),
        .executableTarget(
            name: "CoreBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "BERS", package: "bers"),
                .product(name: "BERSJSON", package: "bers"),
            ],
            path: "Benchmarks/CoreBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        .executableTarget(
            name: "ValidationBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "BERSSchema", package: "bers"),
                .product(name: "BERSJSON", package: "bers"),
            ],
            path: "Benchmarks/ValidationBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        .executableTarget(
            name: "RemoteStoreBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "BERS", package: "bers"),
                .product(name: "BERSRemoteStores", package: "bers"),
            ],
            path: "Benchmarks/RemoteStoreBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
        // ConfigReader lookups through the BERS provider against swift-configuration's JSON provider.
        .executableTarget(
            name: "ConfigurationBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "BERS", package: "bers"),
                .product(name: "BERSJSON", package: "bers"),
                .product(name: "BERSConfiguration", package: "bers"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            path: "Benchmarks/ConfigurationBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        ),
    ]
)
