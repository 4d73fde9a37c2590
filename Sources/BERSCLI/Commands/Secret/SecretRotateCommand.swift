import ArgumentParser
import BERS
import BERSSecrets
import Foundation

/// `bers secret rotate`: re-encrypts an environment's encrypted values under a new key.
struct SecretRotateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate",
        abstract: "Re-encrypt every encrypted value of an environment's layer files under a new key.",
        discussion: """
            Every layer file the environment reads in the config directory is rotated, each value \
            for what it is bound to: in <env>.* and <env>.local.* every value is the \
            environment's; in default.* and local.* (shared by every environment) the values that \
            open for the environment are re-encrypted, and those sealed for another environment \
            of the project, or with a key that is not loaded, are left as they are and listed. \
            --tenant-file adds a tenant document, whose values are bound to --tenant (or to the \
            environment). Values are opened with the old keys (--key-file, BERS_SECRET_KEY_FILE, \
            BERS_SECRET_KEY) or the new key. Every value is opened before anything is written: if \
            one does not open (or, in a shared layer, opens for no environment), no file changes. \
            Each changed file is first copied to <file>.bak-<UTC time>, then replaced \
            atomically; every other byte of it stays as it was.
            """
    )

    @Option(name: .customLong("config-dir"), help: ArgumentHelp("The config directory.", valueName: "path"))
    var configDirectory: String

    @Option(name: .customLong("env"), help: "The environment whose values are rotated.")
    var environment: String

    @Option(name: .customLong("new-key-file"), help: ArgumentHelp("The key file of the new key.", valueName: "path"))
    var newKeyFile: String

    @OptionGroup var keys: SecretKeyOptions

    @Option(name: .customLong("tenant-file"), help: ArgumentHelp("A tenant document to rotate too.", valueName: "path"))
    var tenantFile: String?

    @Option(help: "The tenant id the tenant document's values are bound to.")
    var tenant: String?

    @Flag(
        name: .customLong("dry-run"),
        help: "Check that every value opens and print what would change; write nothing."
    )
    var dryRun = false

    func validate() throws {
        guard Environment.isValidName(environment) else {
            throw ValidationError("\"\(environment)\" is not a valid environment name")
        }
        guard (tenantFile == nil) == (tenant == nil) else {
            throw ValidationError("--tenant-file and --tenant go together")
        }
    }

    func run() throws {
        let newKey = try SecretKeyFile(contentsOfFile: newKeyFile)
        for warning in newKey.warnings { Output.diagnostic("warning: \(warning)") }
        let opening = try keys.aesKeyring(environment: ProcessInfo.processInfo.environment)
        let rotation = SecretRotation(opening: opening ?? AESGCMKeyring(primary: newKey.key), newKey: newKey.key)
        let plans = try targets()
            .map { target throws(ConfigError) in
                try rotation.plan(fileAtPath: target.path, scope: target.scope)
            }
        for plan in plans { try report(plan) }
    }

    /// The files to rotate and the scope of each, in the order the environment reads them.
    private func targets() throws(ConfigError) -> [(path: String, scope: RotationScope)] {
        let project = try ConfigProject(directory: configDirectory)
        let own = RotationScope.only(SecretContext(environment: environment))
        let shared = RotationScope.shared(environment: environment, others: project.catalog.names)
        let bases: [(base: String, scope: RotationScope)] = [
            ("default", shared), (environment, own), ("local", shared), ("\(environment).local", own),
        ]
        let names = try LocalFileSystem().contentsOfDirectory(atPath: configDirectory).sorted()
        var targets = bases.flatMap { base, scope in
            names.filter { LayerFile.extensions.map { "\(base).\($0)" }.contains($0) }
                .map { (path: joinPath(configDirectory, $0), scope: scope) }
        }
        if let tenantFile, let tenant {
            targets.append((tenantFile, RotationScope.tenant(tenant, environment: environment)))
        }
        guard !targets.isEmpty else {
            throw ConfigError(
                .noConfiguration,
                "\(configDirectory) has no layer file for \(environment) (default.*, \(environment).*, local.* or \(environment).local.*, as .json, .yaml or .yml)"
            )
        }
        return targets
    }

    private func report(_ plan: RotationPlan) throws(ConfigError) {
        if !plan.left.isEmpty {
            let values = plan.left.map(\.description).joined(separator: ", ")
            Output.diagnostic(
                "note: left \(plan.left.count) values of other environments in \(plan.path) as they are: \(values)"
            )
        }
        guard plan.changesFile else { return Output.line("no encrypted values of \(environment) in \(plan.path)") }
        guard !dryRun else {
            return Output.line("would rotate \(plan.count) values in \(plan.path) (dry run: nothing written)")
        }
        let backup = try plan.write() ?? ""
        Output.line("rotated \(plan.count) values in \(plan.path) (backup \(backup))")
    }
}
