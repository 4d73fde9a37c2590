// A plain service reading its settings through swift-configuration, backed by BERS.
//
//   swift run bers-configuration-example --env staging
//   API_TIMEOUT=9000 swift run bers-configuration-example          # the variable wins
//   swift run bers-configuration-example --env staging --watch     # edit staging.json; Ctrl-C stops
//
// Environment variables come first (API_TIMEOUT for api.timeout), then the BERS configuration
// of the config directory: layered, validated against its schema, with provenance. What BERS
// ignored (BERS_ENV=developmnt, a misspelled BERS__ variable) is printed on standard error.
import BERS
import BERSConfiguration
import Configuration
import Foundation
import Logging
import ServiceLifecycle

do {
    let options = try ExampleOptions(CommandLine.arguments.dropFirst())
    let resolve = ResolveOptions(environmentVariables: ProcessInfo.processInfo.environment)
    let project = try ConfigProject(directory: options.directory)
    let environment = try options.environment.map { name throws(BERS.ConfigError) in
        try Environment(name, in: project.catalog)
    }
    if options.watch {
        let bers = try ReloadingBERSProvider(directory: options.directory, environment: environment, options: resolve)
        let config = ConfigReader(providers: [EnvironmentVariablesProvider(), bers])
        // The provider detects again on every reload; the first detection's warnings print here.
        let detected = try environment == nil ? project.environmentDetection(options: resolve).warnings : []
        FileHandle.standardError.writeWarnings(detected + bers.currentSnapshot().configuration.diagnostics)
        print("\(bers.description); following changes, Ctrl-C stops")
        config.snapshot().printExampleValues()
        let group = ServiceGroup(
            services: [bers, ChangePrinter(config: config)],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: Logger(label: "bers-configuration-example")
        )
        try await group.run()
    } else {
        let bers = try BERSConfigProvider(directory: options.directory, environment: environment, options: resolve)
        let config = ConfigReader(providers: [EnvironmentVariablesProvider(), bers])
        FileHandle.standardError.writeWarnings(bers.warnings)
        print(bers.description)
        config.snapshot().printExampleValues()
        let timeout = bers.provenance(forKey: ["api", "timeout"])
        print("  (BERS's api.timeout was set by \(timeout.map { "\($0.source)" } ?? "nothing"))")
    }
} catch {
    FileHandle.standardError.write(Data("bers-configuration-example: \(error)\n".utf8))
    exit(error is ExampleOptions.UsageError ? 2 : 1)
}
