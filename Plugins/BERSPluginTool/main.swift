// The tool BERSPlugin runs at build time: writes the swift artifact of a config directory.
//
//   BERSPluginTool --config-dir DIR --out FILE --env ENV [--debug-env ENV]
//
// It links BERSArtifacts only (not the CLI with its HTTP stores), so that a package using the
// plugin builds little. Errors print as `file:line:col: error: message`, which SwiftPM and IDEs
// show at the offending line of the config directory.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import BERS
import BERSArtifacts

func fail(_ message: String) -> Never {
    var text = message + "\n"
    text.withUTF8 { bytes in _ = write(2, bytes.baseAddress, bytes.count) }
    exit(1)
}

var options: [String: String] = [:]
var remaining = CommandLine.arguments.dropFirst()
while let flag = remaining.popFirst() {
    guard ["--config-dir", "--out", "--env", "--debug-env"].contains(flag), let value = remaining.popFirst() else {
        fail(
            "error: usage: BERSPluginTool --config-dir DIR --out FILE --env ENV [--debug-env ENV] (unexpected \(flag))"
        )
    }
    options[flag] = value
}
guard let directory = options["--config-dir"], let out = options["--out"], let name = options["--env"] else {
    fail("error: usage: BERSPluginTool --config-dir DIR --out FILE --env ENV [--debug-env ENV]")
}

do {
    let project = try ConfigProject(directory: directory)
    let environment = try project.environment(named: name)
    let debug = try options["--debug-env"].map { name throws(ConfigError) in try project.environment(named: name) }
    let builder = try ArtifactBuilder(project: project, options: BuildOptions(bersVersion: BERSVersion.current))
    _ = try await builder.run([
        BuildJob(environment: environment, reason: .explicit, format: .swift, path: out, debugEnvironment: debug)
    ])
} catch let error as BuildError {
    let location = error.location.map { "\($0): " } ?? ""
    fail(([location + "error: " + error.message] + error.details.map { "error: " + $0 }).joined(separator: "\n"))
} catch let error as ConfigError {
    let location = error.location.map { "\($0): " } ?? ""
    fail(location + "error: " + error.message)
} catch {
    fail("error: \(error)")
}
