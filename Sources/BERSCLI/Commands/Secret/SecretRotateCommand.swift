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
            Every layer file the environment reads in the config directory is rotated, found as \
            a resolution finds them (default.*, the <env>.* of each environment it inherits from, \
            its own <env>.*, local.*, <env>.local.*; two files of one layer, such as \
            default.json and default.yaml, are an error), each value for what it is bound to: in \
            <ancestor>.* every value is that ancestor's (a value in staging.json is staging's, \
            whichever environment inherits it); in <env>.* and <env>.local.* every value is the \
            environment's; in default.* and local.* (shared by every environment) the values that \
            open for the environment are re-encrypted, and those sealed for another environment \
            of the project, or with a key that is not loaded, are left as they are and listed. \
            --env must be an environment of the project. \
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
        let project = try ConfigProject(directory: configDirectory)
        let resolved = try project.environment(named: environment)
        let newKey = try SecretKeyFile(contentsOfFile: newKeyFile)
        for warning in newKey.warnings { Output.diagnostic("warning: \(warning)") }
        let opening = try keys.aesKeyring(environment: ProcessInfo.processInfo.environment)
        let rotation = SecretRotation(opening: opening ?? AESGCMKeyring(primary: newKey.key), newKey: newKey.key)
        let plans = try targets(in: project, for: resolved)
            .map { target throws(ConfigError) in
                (plan: try rotation.plan(fileAtPath: target.path, scope: target.scope), owner: target.owner)
            }
        for (plan, owner) in plans { try report(plan, owner: owner) }
    }

    /// A file to rotate.
    private struct Target {
        /// The file's path.
        var path: String
        /// What its values are bound to.
        var scope: RotationScope
        /// The environment whose values it rotates, for messages.
        var owner: String
    }

    /// The files to rotate and the scope of each, in the order the environment reads them: the
    /// layer files a resolution of `resolved` reads (ancestors included), then the tenant document.
    ///
    /// - Throws: ``ConfigError`` `config.ambiguous-layer` when a layer has several files, and
    ///   `config.no-configuration` when there is nothing to rotate.
    private func targets(in project: ConfigProject, for resolved: Environment) throws(ConfigError) -> [Target] {
        var targets = try project.layerFiles(for: resolved)
            .map { file in
                target(for: file, in: project)
            }
        if let tenantFile, let tenant {
            targets.append(
                Target(path: tenantFile, scope: .tenant(tenant, environment: environment), owner: environment)
            )
        }
        guard !targets.isEmpty else {
            let bases = project.layerBaseNames(for: resolved).joined(separator: ", ")
            throw ConfigError(
                .noConfiguration,
                "\(configDirectory) has no layer file for \(environment): none of \(bases) exists as .json, .yaml or .yml"
            )
        }
        return targets
    }

    /// The rotation of `file`, with its values bound as a resolution opens them (`SecretOpener`): an
    /// `<env>.*` layer's to that layer's environment (the environment or an ancestor), an
    /// `<env>.local.*` layer's to the environment, and a shared layer's (`default.*`, `local.*`) to
    /// the environment, leaving the values of the project's other environments.
    private func target(for file: LayerFile, in project: ConfigProject) -> Target {
        switch file.source.kind {
        case .environment:
            let owner = file.source.name
            return Target(path: file.path, scope: .only(SecretContext(environment: owner)), owner: owner)
        case .environmentLocal:
            return Target(path: file.path, scope: .only(SecretContext(environment: environment)), owner: environment)
        default:
            let scope = RotationScope.shared(environment: environment, others: project.catalog.names)
            return Target(path: file.path, scope: scope, owner: environment)
        }
    }

    /// Prints what `plan` (of `owner`'s values) changes, and writes it unless this is a dry run.
    private func report(_ plan: RotationPlan, owner: String) throws(ConfigError) {
        if !plan.left.isEmpty {
            let values = plan.left.map(\.description).joined(separator: ", ")
            Output.diagnostic(
                "note: left \(plan.left.count) values of other environments in \(plan.path) as they are: \(values)"
            )
        }
        guard plan.changesFile else { return Output.line("no encrypted values of \(owner) in \(plan.path)") }
        guard !dryRun else {
            return Output.line("would rotate \(plan.count) values in \(plan.path) (dry run: nothing written)")
        }
        let backup = try plan.write() ?? ""
        Output.line("rotated \(plan.count) values in \(plan.path) (backup \(backup))")
    }
}
