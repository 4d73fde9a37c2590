// swift-tools-version: 6.1
import PackageDescription

// Scripts/sanitizers.sh builds with BERS_SANITIZE_THREAD=1: every BERS module and test then
// locks with BERS's PthreadMutex, which ThreadSanitizer sees (Synchronization.Mutex takes a
// contended lock inside the kernel, invisibly to it).
let sanitizerSettings: [SwiftSetting] =
    Context.environment["BERS_SANITIZE_THREAD"] == "1" ? [.define("BERS_TSAN")] : []

let strictSettings: [SwiftSetting] =
    [
        .enableUpcomingFeature("ExistentialAny")
    ] + sanitizerSettings

let package = Package(
    name: "bers",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "BERSJSON", targets: ["BERSJSON"]),
        .library(name: "BERSYAML", targets: ["BERSYAML"]),
        .library(name: "BERSSchema", targets: ["BERSSchema"]),
        .library(name: "BERS", targets: ["BERS"]),
        .library(name: "BERSTesting", targets: ["BERSTesting"]),
        .library(name: "BERSRemoteStores", targets: ["BERSRemoteStores"]),
        .library(name: "BERSSecrets", targets: ["BERSSecrets"]),
        .library(name: "BERSArtifacts", targets: ["BERSArtifacts"]),
        .library(name: "BERSLifecycle", targets: ["BERSLifecycle"]),
        .library(name: "BERSServer", targets: ["BERSServer"]),
        .library(name: "BERSConfiguration", targets: ["BERSConfiguration"]),
        .executable(name: "bers", targets: ["bers"]),
        .executable(name: "bers-net", targets: ["bers-net"]),
        .executable(name: "bers-configuration-example", targets: ["ConfigurationExample"]),
        .plugin(name: "BERSPlugin", targets: ["BERSPlugin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.100.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.24.0"),
        // No trait: BERSConfiguration uses none of its file formats or reloading providers.
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0", traits: []),
    ],
    targets: [
        // JSON values, a located parser and serializers. Standard library only.
        .target(name: "BERSJSON", swiftSettings: strictSettings),
        // YAML layers read into JSONValue, keeping line and column.
        .target(name: "BERSYAML", dependencies: ["BERSJSON", "Yams"], swiftSettings: strictSettings),
        // JSON Schema validation (draft-04 to 2020-12).
        .target(
            name: "BERSSchema",
            dependencies: ["BERSJSON"],
            exclude: ["Metaschemas"],
            swiftSettings: strictSettings
        ),
        // Environments, detection, layered resolution with provenance, URL templates.
        .target(
            name: "BERS",
            dependencies: [
                "BERSJSON", "BERSYAML", "BERSSchema",
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // Conformance checks for implementations of BERS protocols (tenant stores).
        .target(name: "BERSTesting", dependencies: ["BERS"], swiftSettings: strictSettings),
        // S3 (AWS Signature V4) and HTTP tenant stores. The only module with an HTTP client.
        .target(
            name: "BERSRemoteStores",
            dependencies: [
                "BERS", "BERSJSON",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            exclude: ["README.md"],
            swiftSettings: strictSettings
        ),
        // Encrypted values: AES-256-GCM keys, key files, a keyring for resolution, key rotation.
        .target(
            name: "BERSSecrets",
            dependencies: ["BERS", "BERSJSON", .product(name: "Crypto", package: "swift-crypto")],
            path: "Sources/BERSSecrets",
            swiftSettings: strictSettings
        ),
        // Build-time artifacts (`bers build`): JSON, Swift, JS module, esbuild defines, dotenv.
        .target(
            name: "BERSArtifacts",
            dependencies: ["BERS", "BERSJSON", "BERSSchema"],
            swiftSettings: strictSettings
        ),
        // swift-service-lifecycle services: a LiveConfiguration run in a ServiceGroup.
        .target(
            name: "BERSLifecycle",
            dependencies: ["BERS", .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")],
            swiftSettings: strictSettings
        ),
        // A swift-configuration provider over a resolved configuration, and a reloading one over a
        // LiveConfiguration (a swift-service-lifecycle Service, like swift-configuration's own).
        .target(
            name: "BERSConfiguration",
            dependencies: [
                "BERS", "BERSJSON", "BERSLifecycle",
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // `bers serve`: environments, tenants and the legacy get_config route over HTTP (Hummingbird).
        .target(
            name: "BERSServer",
            dependencies: [
                "BERS", "BERSJSON",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        // The `bers` command line: one command per file, thin over the library. No network stack:
        // commands on s3:// and http(s):// stores run in `bers-net`.
        .target(
            name: "BERSCLI",
            dependencies: [
                "BERS", "BERSJSON", "BERSSchema", "BERSYAML", "BERSArtifacts", "BERSSecrets",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // `bers`: starts in milliseconds; hands commands on network stores to `bers-net`.
        .executableTarget(name: "bers", dependencies: ["BERSCLI"], swiftSettings: strictSettings),
        // `bers-net`: the same command line with the S3 and HTTP tenant stores (NIO, AsyncHTTPClient)
        // and `bers serve` (Hummingbird).
        .executableTarget(
            name: "bers-net",
            dependencies: [
                "BERSCLI", "BERS", "BERSRemoteStores", "BERSServer",
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        // Generates the `swift` artifact of a target's config directory at build time, with a
        // tool that links BERSArtifacts only.
        .executableTarget(
            name: "BERSPluginTool",
            dependencies: ["BERS", "BERSArtifacts"],
            path: "Plugins/BERSPluginTool",
            swiftSettings: strictSettings
        ),
        .plugin(name: "BERSPlugin", capability: .buildTool(), dependencies: ["BERSPluginTool"]),
        // `bers-configuration-example`: a ConfigReader over the example project, environment
        // variables in front; `--watch` follows its files.
        .executableTarget(
            name: "ConfigurationExample",
            dependencies: [
                "BERS", "BERSConfiguration",
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Examples/ConfigurationExample",
            swiftSettings: strictSettings
        ),
        // Test helpers: locating ../shared, temporary directories.
        .target(
            name: "BERSTestSupport",
            dependencies: [.product(name: "Logging", package: "swift-log")],
            path: "Tests/BERSTestSupport",
            swiftSettings: strictSettings
        ),

        .testTarget(
            name: "BERSJSONTests",
            dependencies: ["BERSJSON", "BERSTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BERSYAMLTests",
            dependencies: ["BERSYAML", "BERSTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BERSSchemaTests",
            dependencies: ["BERSSchema", "BERSJSON", "BERSTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BERSTests",
            dependencies: [
                "BERS", "BERSTesting", "BERSTestSupport", .product(name: "MetricsTestKit", package: "swift-metrics"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BERSArtifactsTests",
            dependencies: ["BERSArtifacts", "BERS", "BERSJSON", "BERSCLI", "BERSTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BERSRemoteStoresTests",
            dependencies: [
                "BERSRemoteStores", "BERS", "BERSTesting", "BERSTestSupport",
                .product(name: "MetricsTestKit", package: "swift-metrics"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BERSLifecycleTests",
            dependencies: [
                "BERSLifecycle", "BERS", "BERSTestSupport",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BERSServerTests",
            dependencies: [
                "BERSServer", "BERS", "BERSJSON", "BERSTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BERSSecretsTests",
            dependencies: ["BERSSecrets", "BERS", "BERSJSON", "BERSTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BERSConfigurationTests",
            dependencies: [
                "BERSConfiguration", "BERS", "BERSJSON", "BERSTestSupport", "BERSRemoteStores",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "ConfigurationTesting", package: "swift-configuration"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BERSCLITests",
            dependencies: ["BERSCLI", "BERSJSON", "BERSYAML", "BERSTestSupport"],
            swiftSettings: strictSettings
        ),
    ]
)
