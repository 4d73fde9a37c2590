import Foundation
import PackagePlugin

/// A build-tool plugin that compiles a target's BERS config directory into Swift constants.
///
/// A target that adds the plugin and has a `config/` folder (a BERS config directory) gets the
/// `swift` artifact of `bers build` written at build time (by `BERSPluginTool`, which links
/// BERSArtifacts only), and compiled into it:
///
/// ```swift
/// .target(name: "Widget", exclude: ["config"], plugins: [.plugin(name: "BERSPlugin", package: "bers")])
///
/// let timeout = Config.api.timeout        // a compile-time constant
/// ```
///
/// The environment: `BERS_ENV` when it is set in the environment of `swift build`. A build-tool
/// plugin is not told whether the build is a debug or a release build, so without `BERS_ENV` the
/// generated file holds two trees: `development` under `#if DEBUG` (which SwiftPM defines in debug
/// builds) and `production` otherwise. The command is re-run when a file of the config directory
/// changes or `BERS_ENV` does (it is part of the command line).
@main
struct BERSPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let configDirectory = target.directoryURL.appending(path: "config")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: configDirectory.path, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            throw PluginFailure(
                "BERSPlugin: target \(target.name) has no config directory at \(configDirectory.path); add one (and exclude: [\"config\"] in Package.swift)"
            )
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "BERSConfig.swift")
        var arguments = ["--config-dir", configDirectory.path, "--out", output.path]
        let environment = ProcessInfo.processInfo.environment["BERS_ENV"].flatMap { $0.isEmpty ? nil : $0 }
        if let environment {
            arguments += ["--env", environment]
        } else {
            arguments += ["--env", "production", "--debug-env", "development"]
        }
        return [
            .buildCommand(
                displayName:
                    "BERS: \(target.name) configuration (\(environment ?? "development in debug, production in release"))",
                executable: try context.tool(named: "BERSPluginTool").url,
                arguments: arguments,
                inputFiles: files(under: configDirectory),
                outputFiles: [output]
            )
        ]
    }

    /// Every regular file under `directory`, sorted, so that editing any of them re-runs the build.
    private func files(under directory: URL) -> [URL] {
        guard
            let enumerator = FileManager.default.enumerator(
                at: directory,
                includingPropertiesForKeys: [.isRegularFileKey],
                options: []
            )
        else { return [] }
        var files: [URL] = []
        for case let url as URL in enumerator
        where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            files.append(url)
        }
        return files.sorted { $0.path < $1.path }
    }
}

/// An error the plugin reports to SwiftPM.
struct PluginFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
