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
            Every change in the config directory or a folder a file was read from (the schemas') is debounced (reload.debounce-ms \
            in bers.json, default 100), then resolved and validated like `bers resolve`: a valid result \
            becomes the next generation, an invalid one is refused and the current generation stays. \
            Text output has one line per applied or refused change (a save that changes no value \
            prints nothing). With --json, one JSON object per line: {"event": "started" | "applied" | \
            "unchanged" | "refused" | "stopped", …}. --exec runs a shell command after each applied \
            change, with BERS_GENERATION and BERS_CONFIG_DIGEST set and its output on stderr. SIGINT \
            or SIGTERM stops it with exit status 0 (a running --exec command is ended, and no queued one \
            starts). Without --env (and without --url, --hostname, --build-context or --no-env-overrides), \
            every reload detects the environment again, so editing .bers-env moves the watch as it \
            moves `bers resolve`.
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
        let options = try overrides.resolveOptions
        let live = try LiveConfiguration(
            directory: project.directory,
            environment: followsDetection ? nil : environment,
            options: options,
            logger: nil
        )
        Output.diagnostics(live.current.configuration.diagnostics)
        let events = live.events()
        try live.watch()
        let command = exec.map(ChangeCommand.init)
        let signals = StopSignals {
            live.stop()
            command?.terminate()
        }
        defer { signals.cancel() }
        let printer = WatchPrinter(json: json)
        printer.started(live.current, directory: project.directory)
        var afterRefusal = false
        for await event in events {
            printer.print(event, afterRefusal: afterRefusal)
            if case .refused = event { afterRefusal = true } else { afterRefusal = false }
            if case .applied(let applied) = event, let command { await command.run(after: applied.generation) }
        }
        printer.stopped(live.current)
    }

    /// Whether every reload detects the environment again (so editing `.bers-env` or `bers.json`
    /// moves the watch, as it moves `bers resolve`): when nothing on the command line fixes the
    /// environment or the detection inputs, and the process's variables reach the library.
    private var followsDetection: Bool {
        environment.environment == nil && environment.url == nil && environment.hostname == nil
            && environment.buildContext == nil && !overrides.ignoreEnvironmentOverrides
    }
}
