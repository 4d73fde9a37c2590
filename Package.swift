// swift-tools-version: 6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "bers",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "BERSJSON", targets: ["BERSJSON"]),
        .library(name: "BERSYAML", targets: ["BERSYAML"]),
        .library(name: "BERSSchema", targets: ["BERSSchema"]),
        .library(name: "BERS", targets: ["BERS"]),
        .library(name: "BERSTesting", targets: ["BERSTesting"]),
        .library(name: "BERSArtifacts", targets: ["BERSArtifacts"]),
        .executable(name: "bers", targets: ["bers"]),
        .plugin(name: "BERSPlugin", targets: ["BERSPlugin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
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
            ],
            swiftSettings: strictSettings
        ),
        // Conformance checks for implementations of BERS protocols (tenant stores).
        .target(name: "BERSTesting", dependencies: ["BERS"], swiftSettings: strictSettings),
        // Build-time artifacts (`bers build`): JSON, Swift, JS module, esbuild defines, dotenv.
        .target(
            name: "BERSArtifacts",
            dependencies: ["BERS", "BERSJSON", "BERSSchema"],
            swiftSettings: strictSettings
        ),
        // The `bers` command line: one command per file, thin over the library.
        .target(
            name: "BERSCLI",
            dependencies: [
                "BERS", "BERSJSON", "BERSSchema", "BERSYAML", "BERSArtifacts",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(name: "bers", dependencies: ["BERSCLI"], swiftSettings: strictSettings),
        // Generates the `swift` artifact of a target's config directory at build time.
        .plugin(name: "BERSPlugin", capability: .buildTool(), dependencies: ["bers"]),
        // Test helpers: locating ../shared, temporary directories.
        .target(name: "BERSTestSupport", dependencies: [], path: "Tests/BERSTestSupport", swiftSettings: strictSettings),

        .testTarget(name: "BERSJSONTests", dependencies: ["BERSJSON", "BERSTestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "BERSYAMLTests", dependencies: ["BERSYAML", "BERSTestSupport"], swiftSettings: strictSettings),
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
            dependencies: ["BERSArtifacts", "BERS", "BERSJSON", "BERSTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BERSCLITests",
            dependencies: ["BERSCLI", "BERSTestSupport"],
            swiftSettings: strictSettings
        ),
    ]
)
