/// A command that can print JSON or YAML; when it does, a failure is printed that way on standard
/// output too (`{"error": {"code", "message", "location"}}`), so scripts never parse an empty
/// output.
protocol StructuredOutputCommand {
    /// The machine-readable format asked for, or `nil` for text.
    var structuredOutput: StructuredFormat? { get }
}

/// A command that reads a config directory, so that errors can say how it was chosen.
protocol ProjectCommand {
    /// The `--config-dir` option.
    var project: ProjectOptions { get }
    /// The directory the command reads and why.
    var directoryChoice: DirectoryChoice { get }
}

extension ProjectCommand {
    /// `--config-dir`, `$BERS_CONFIG_DIR`, `./config` or `.`.
    var directoryChoice: DirectoryChoice { project.choice() }
}
