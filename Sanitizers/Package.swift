// swift-tools-version: 6.1
// The parser suites of BERS built on their own, for Scripts/sanitizers.sh address: the test
// folders are links to ../Tests, and only the modules they test are built (not the server, the
// stores or their network dependencies), so an AddressSanitizer build fits in CI.
import PackageDescription

/// The suites, the BERS modules each one tests, and what else it needs.
let suites: [(name: String, modules: [String], extra: [Target.Dependency])] = [
    ("BERSJSONTests", ["BERSJSON"], []),
    ("BERSYAMLTests", ["BERSYAML"], []),
    ("BERSSchemaTests", ["BERSSchema", "BERSJSON"], []),
    ("BERSSecretsTests", ["BERSSecrets", "BERS", "BERSJSON"], []),
    ("BERSTests", ["BERS", "BERSTesting"], [.product(name: "MetricsTestKit", package: "swift-metrics")]),
]

let package = Package(
    name: "bers-sanitizers",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "bers", path: ".."),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
    ],
    targets: [
        .target(name: "BERSTestSupport", path: "Tests/BERSTestSupport")
    ]
        + suites.map { suite in
            .testTarget(
                name: suite.name,
                dependencies: ["BERSTestSupport"] + suite.modules.map { .product(name: $0, package: "bers") }
                    + suite.extra,
                path: "Tests/\(suite.name)",
                swiftSettings: [.enableUpcomingFeature("ExistentialAny")]
            )
        }
)
