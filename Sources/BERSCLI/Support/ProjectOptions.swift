import ArgumentParser
import BERS
import Foundation

/// `--config-dir`, shared by every command that reads a project.
struct ProjectOptions: ParsableArguments {
    @Option(
        name: .customLong("config-dir"),
        help: "The config directory (default: $BERS_CONFIG_DIR, else ./config if it exists, else .)."
    )
    var configDirectory: String?

    /// The directory to read.
    var directory: String { choice().path }

    /// Whether the directory was named by `--config-dir` or `$BERS_CONFIG_DIR`.
    var isNamed: Bool { choice().origin.isNamed }

    /// The directory and how it was chosen; `recorded` (a build manifest's directory) is preferred
    /// to the conventional defaults, not to `--config-dir` or `$BERS_CONFIG_DIR`.
    func choice(recorded: (path: String, by: String)? = nil) -> DirectoryChoice {
        if let configDirectory { return DirectoryChoice(path: configDirectory, origin: .option) }
        if let fromEnvironment = ProcessInfo.processInfo.environment["BERS_CONFIG_DIR"], !fromEnvironment.isEmpty {
            return DirectoryChoice(path: fromEnvironment, origin: .variable)
        }
        if let recorded { return DirectoryChoice(path: recorded.path, origin: .recorded(recorded.by)) }
        if LocalFileSystem().directoryExists(atPath: "config") {
            return DirectoryChoice(path: "config", origin: .conventional)
        }
        return DirectoryChoice(path: ".", origin: .current)
    }

    /// Loads the project.
    ///
    /// - Throws: ``ConfigError`` `config.unreadable` when the directory does not exist and
    ///   `config.no-configuration` when it holds neither `bers.json` nor a layer file (the error
    ///   report adds how the directory was chosen, as for every `config.no-configuration`).
    func load() throws(ConfigError) -> ConfigProject { try load(choice: choice()) }

    /// Loads the project of `choice` (see ``load()``).
    func load(choice: DirectoryChoice) throws(ConfigError) -> ConfigProject {
        if RemoteFeed.isFeed(choice.path) {
            throw ConfigError(
                .unreadable,
                "only bers serve and the tenant commands that check documents (put, validate, get, migrate, rollback) read a config directory from etcd (\(choice.path)); to use it here, copy it to a folder with bers sync --from \(choice.path) --to file://DIR, then pass --config-dir DIR/config"
            )
        }
        let project: ConfigProject
        do {
            project = try ConfigProject(directory: choice.path)
        } catch  where error.code == .unreadable {
            throw ConfigError(.unreadable, "\(error.message); \(choice.explanation)", underlying: error)
        }
        guard project.hasConfiguration else {
            throw ConfigError(
                .noConfiguration,
                "\(choice.path) is not a config directory: it holds no bers.json and no layer file (default.*, <env>.*, local.*)"
            )
        }
        return project
    }
}
