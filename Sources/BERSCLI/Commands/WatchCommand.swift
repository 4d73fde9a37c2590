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
            or SIGTERM stops it with exit status 0.
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
        let command = exec.map(ChangeCommand.init)
        let signals = StopSignals {
            live.stop()
            command?.terminate()
        }
        defer { signals.cancel() }
        let printer = WatchPrinter(json: json)
        printer.started(live.current, directory: project.directory)
        for await event in events {
            printer.print(event)
            if case .applied(let applied) = event, let command { await command.run(after: applied.generation) }
        }
        printer.stopped(live.current)
    }
}
