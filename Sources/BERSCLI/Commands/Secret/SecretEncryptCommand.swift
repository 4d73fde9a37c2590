import ArgumentParser
import BERS
import BERSSecrets
import Foundation

/// `bers secret encrypt`: seals a value for an environment (and tenant) and prints its envelope.
struct SecretEncryptCommand: ParsableCommand, ProjectCommand {
    static let configuration = CommandConfiguration(
        commandName: "encrypt",
        abstract: "Encrypt a value for an environment and print it as enc:v1:<key id>:<base64>.",
        discussion: """
            The value opens only for the environment given with --env (and, with --tenant, in \
            that tenant's document). It is encrypted with the first key (--key-file, then \
            BERS_SECRET_KEY_FILE, then BERS_SECRET_KEY). Pass the value on standard input \
            (VALUE omitted or -) to keep it out of the process list and shell history; one \
            trailing newline is dropped. Only the encrypted value is printed. When a config \
            directory is found (--config-dir, BERS_CONFIG_DIR, ./config or .), --env must name one \
            of its environments.
            """
    )

    @OptionGroup var project: ProjectOptions

    @Option(name: .customLong("env"), help: "The environment the value is for.")
    var environment: String

    @Option(help: "The tenant id, for a value in a tenant document.")
    var tenant: String?

    @OptionGroup var keys: SecretKeyOptions

    @Argument(help: ArgumentHelp("The clear value; - or nothing reads standard input.", valueName: "value"))
    var value: String?

    func validate() throws {
        guard Environment.isValidName(environment) else {
            throw ValidationError("\"\(environment)\" is not a valid environment name")
        }
        if let tenant, tenant.isEmpty { throw ValidationError("--tenant must not be empty") }
    }

    func run() throws {
        try checkEnvironment()
        guard let keyring = try keys.aesKeyring(environment: ProcessInfo.processInfo.environment) else {
            throw SecretKeyOptions.missingKey(for: "encrypt")
        }
        let clear: String
        if let value, value != "-" { clear = value } else { clear = try SecretInput.read() }
        let envelope = try keyring.seal(clear, context: SecretContext(environment: environment, tenant: tenant))
        Output.line(envelope.description)
    }

    /// Checks `--env` against the environments of the project, when there is one.
    ///
    /// An environment the project does not have is a usage error with a did-you-mean, as in every
    /// other command. Without a project here (none where none was named, a `$BERS_CONFIG_DIR`
    /// that this host does not hold, or configuration kept in etcd), any valid name is sealed for;
    /// a `--config-dir` given on the command line must load.
    ///
    /// - Throws: ``ConfigError`` `config.unknown-environment`, and the errors of loading a config
    ///   directory named by `--config-dir`.
    private func checkEnvironment() throws(ConfigError) {
        let choice = project.choice()
        if RemoteFeed.isFeed(choice.path) { return }
        let loaded: ConfigProject
        do {
            loaded = try project.load(choice: choice)
        } catch  where !Self.isCommandLineOption(choice.origin) && [.noConfiguration, .unreadable].contains(error.code)
        {
            return
        }
        _ = try loaded.environment(named: environment)
    }

    private static func isCommandLineOption(_ origin: DirectoryChoice.Origin) -> Bool {
        if case .option = origin { return true }
        return false
    }
}
