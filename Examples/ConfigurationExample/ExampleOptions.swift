/// The command line of the example: `[--config-dir DIR] [--env NAME] [--watch]`.
struct ExampleOptions {
    /// The config directory (default: the Picasso example, from the package root).
    var directory = "Examples/picasso/config"
    /// The environment named with `--env`; without it BERS detects one (`BERS_ENV`, …).
    var environment: String?
    /// Whether to follow the files and print each change.
    var watch = false

    /// A usage error: what was wrong, and the usage line.
    struct UsageError: Error, CustomStringConvertible {
        let problem: String
        var description: String {
            "\(problem)\nusage: bers-configuration-example [--config-dir DIR] [--env NAME] [--watch]"
        }
    }

    /// Parses `arguments` (without the program name).
    init(_ arguments: some Sequence<String>) throws(UsageError) {
        var remaining = arguments.makeIterator()
        while let argument = remaining.next() {
            switch argument {
            case "--watch": watch = true
            case "--env": environment = try Self.value(after: argument, in: &remaining)
            case "--config-dir": directory = try Self.value(after: argument, in: &remaining)
            default: throw UsageError(problem: "unknown argument \(argument)")
            }
        }
    }

    private static func value(
        after option: String,
        in arguments: inout some IteratorProtocol<String>
    ) throws(UsageError) -> String {
        guard let value = arguments.next() else { throw UsageError(problem: "\(option) needs a value") }
        return value
    }
}
