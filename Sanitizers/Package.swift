// swift-tools-version: 6.1
// The suites of BERS that Scripts/sanitizers.sh runs, built on their own: the test folders are
// links to ../Tests, and only the modules those suites test are built (not the CLI, the
// artifacts, the executables or the other suites), so both sanitizer builds fit in CI.
//   address: the parser suites and the core modules they test;
//   thread (BERS_SANITIZE_THREAD=1): the concurrency-heavy suites, with the server, the stores,
//            the lifecycle and the swift-configuration provider; every module and suite then
//            locks with BERS's PthreadMutex (BERS_TSAN), which ThreadSanitizer sees.
import PackageDescription

let threadSanitizer = Context.environment["BERS_SANITIZE_THREAD"] == "1"

/// A dependency on a product of another package.
func product(_ name: String, _ package: String) -> Target.Dependency {
    .product(name: name, package: package)
}

/// The suites, the BERS modules each one tests, and what else it needs.
let suites: [(name: String, modules: [String], extra: [Target.Dependency])] =
    threadSanitizer
    ? [
        ("BERSTests", ["BERS", "BERSTesting"], [product("MetricsTestKit", "swift-metrics")]),
        (
            "BERSRemoteStoresTests", ["BERSRemoteStores", "BERS", "BERSTesting"],
            [
                product("MetricsTestKit", "swift-metrics"), product("AsyncHTTPClient", "async-http-client"),
                product("NIOCore", "swift-nio"), product("NIOPosix", "swift-nio"), product("NIOHTTP1", "swift-nio"),
            ]
        ),
        ("BERSLifecycleTests", ["BERSLifecycle", "BERS"], [product("ServiceLifecycle", "swift-service-lifecycle")]),
        (
            "BERSServerTests", ["BERSServer", "BERS", "BERSJSON"],
            [
                product("AsyncHTTPClient", "async-http-client"), product("NIOCore", "swift-nio"),
                product("NIOHTTP1", "swift-nio"), product("Prometheus", "swift-prometheus"),
                product("ServiceLifecycle", "swift-service-lifecycle"), product("Logging", "swift-log"),
            ]
        ),
        (
            "BERSConfigurationTests", ["BERSConfiguration", "BERS", "BERSJSON", "BERSRemoteStores"],
            [
                product("AsyncHTTPClient", "async-http-client"), product("Configuration", "swift-configuration"),
                product("ConfigurationTesting", "swift-configuration"),
                product("ServiceLifecycle", "swift-service-lifecycle"), product("Logging", "swift-log"),
            ]
        ),
    ]
    : [
        ("BERSJSONTests", ["BERSJSON"], []),
        ("BERSYAMLTests", ["BERSYAML"], []),
        ("BERSSchemaTests", ["BERSSchema", "BERSJSON"], []),
        ("BERSSecretsTests", ["BERSSecrets", "BERS", "BERSJSON"], []),
        ("BERSTests", ["BERS", "BERSTesting"], [product("MetricsTestKit", "swift-metrics")]),
    ]

/// The packages the thread suites use directly, at the versions `bers` asks for.
let threadDependencies: [Package.Dependency] = [
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.100.0"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
    .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.0"),
    .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0", traits: []),
]

let settings: [SwiftSetting] =
    [.enableUpcomingFeature("ExistentialAny")] + (threadSanitizer ? [.define("BERS_TSAN")] : [])

let package = Package(
    name: "bers-sanitizers",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "bers", path: ".."),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ] + (threadSanitizer ? threadDependencies : []),
    targets: [
        .target(name: "BERSTestSupport", dependencies: [product("Logging", "swift-log")], path: "Tests/BERSTestSupport")
    ]
        + suites.map { suite in
            .testTarget(
                name: suite.name,
                dependencies: ["BERSTestSupport"] + suite.modules.map { .product(name: $0, package: "bers") }
                    + suite.extra,
                path: "Tests/\(suite.name)",
                swiftSettings: settings
            )
        }
)
