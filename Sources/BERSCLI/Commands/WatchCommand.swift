import ArgumentParser
import BERS
import BERSJSON
import Foundation

/// `bers watch`: follow a config directory, printing each applied or refused change.
struct WatchCommand: AsyncParsableCommand, ProjectCommand, StructuredOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Follow the configuration as its files change: print each applied or refused change.",
        discussion: """
            Every change of the config directory or the schema's folder is debounced (reload.debounce-ms \
            in bers.json, default 100), then resolved and validated like `bers resolve`: a valid result \
            becomes the next generation, an invalid one is refused and the current generation stays. \
            With --json, one JSON object per line: {"event": "started" | "applied" | "unchanged" | \
            "refused" | "stopped", …}. SIGINT or SIGTERM stops it with exit status 0.
            """
    )

    @OptionGroup var project: ProjectOptions
    @OptionGroup var environment: EnvironmentOptions
    @OptionGroup var overrides: OverrideOptions

    @Flag(help: "Print one JSON object per line.")
    var json = false

    @Option(help: ArgumentHelp("Run this shell command after each applied change.", valueName: "command"))
    var exec: String?

    var structuredOutput: StructuredFormat? { json ? .json : nil }

    func run() async throws {
        let project = try project.load()
        let (environment, _) = try environment.resolveEnvironment(in: project)
        let live = try LiveConfiguration(
            directory: project.directory,
            environment: environment,
            options: overrides.resolveOptions,
            logger: nil
        )
        let events = live.events()
        try live.watch()
        let signals = StopSignals { live.stop() }
        defer { signals.cancel() }
        let printer = WatchPrinter(json: json)
        printer.started(live.current, directory: project.directory)
        for await event in events {
            printer.print(event)
            if case .applied(let applied) = event, let exec { Self.run(exec, after: applied.generation) }
        }
        printer.stopped(live.current)
    }

    /// Runs `command` with `/bin/sh -c`, with `BERS_GENERATION` and `BERS_CONFIG_DIGEST` set; a
    /// failure is a warning, never the end of watching.
    static func run(_ command: String, after generation: ConfigurationGeneration) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        var environment = ProcessInfo.processInfo.environment
        environment["BERS_GENERATION"] = String(generation.number)
        environment["BERS_CONFIG_DIGEST"] = generation.digest
        process.environment = environment
        do {
            try process.run()
            process.waitUntilExit()
            if process.terminationStatus != 0 {
                Output.diagnostic("warning: --exec command exited with status \(process.terminationStatus)")
            }
        } catch {
            Output.diagnostic("warning: --exec command could not start: \(error)")
        }
    }
}
