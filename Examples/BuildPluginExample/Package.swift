// swift-tools-version: 6.1
import PackageDescription

// An example of the BERSPlugin build-tool plugin: the WidgetSettings target's config directory
// is compiled into Swift constants at build time (`Config.api.timeout`).
//
//   swift build                          development constants (debug build)
//   swift build -c release               production constants
//   BERS_ENV=staging swift build         staging constants
//   swift test                           checks the constants against `bers resolve`
let package = Package(
    name: "BuildPluginExample",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "bers", path: "../..")
    ],
    targets: [
        .target(
            name: "WidgetSettings",
            exclude: ["config"],
            plugins: [.plugin(name: "BERSPlugin", package: "bers")]
        ),
        .testTarget(
            name: "WidgetSettingsTests",
            dependencies: ["WidgetSettings", .product(name: "BERS", package: "bers")]
        ),
    ]
)
