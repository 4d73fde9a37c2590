// swift-tools-version: 6.1
// The libFuzzer targets of BERS, kept out of the main package so that `swift test` never builds
// them. Build and run with Scripts/fuzz.sh (one target) or Scripts/fuzz-all.sh (every target).
import PackageDescription

/// One executable per fuzz target: its directory under Sources, and the BERS modules it reads.
let fuzzTargets: [(name: String, modules: [String])] = [
    ("FuzzJSON", ["BERSJSON"]),
    ("FuzzYAML", ["BERSJSON", "BERSYAML"]),
    ("FuzzProjectSettings", ["BERSJSON", "BERS"]),
    ("FuzzSchema", ["BERSJSON", "BERSSchema"]),
    ("FuzzRegex", ["BERSSchema"]),
    ("FuzzURLTemplate", ["BERSJSON", "BERS"]),
    ("FuzzTenantKeys", ["BERS", "BERSRemoteStores"]),
    ("FuzzS3XML", ["BERSRemoteStores"]),
    ("FuzzLambdaEnvelope", ["BERSRemoteStores"]),
    ("FuzzOverrides", ["BERSJSON", "BERS"]),
    ("FuzzEtcdMessages", ["BERSJSON", "BERSRemoteStores"]),
    ("FuzzDetection", ["BERS"]),
    ("FuzzSecretEnvelope", ["BERS", "BERSSecrets"]),
    ("FuzzRequestScanner", ["BERSServer"]),
]

let package = Package(
    name: "bers-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "bers", path: ".."),
        .package(url: "https://github.com/apple/swift-nio", from: "2.100.0"),
    ],
    targets: [
        .target(name: "CLibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer"]),
    ]
        + fuzzTargets.map { target in
            .executableTarget(
                name: target.name,
                dependencies: ["FuzzSupport", .product(name: "NIOCore", package: "swift-nio")]
                    + target.modules.map { .product(name: $0, package: "bers") }
            )
        },
    swiftLanguageModes: [.v6]
)
