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
            The files rotated are the environment's own layers in the config directory: \
            <env>.json, <env>.yaml, <env>.yml and <env>.local.* (values in default.* and local.* \
            are opened for every environment, so keep encrypted values in the environment's own \
            layer), plus --tenant-file, whose values are bound to --tenant. Values are opened \
            with the old keys (--key-file, BERS_SECRET_KEY_FILE, BERS_SECRET_KEY) or the new key. \
            Every value is opened before anything is written: if one does not open, no file \
            changes. Each changed file is first copied to <file>.bak-<UTC time>, then replaced \
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
                try rotation.plan(fileAtPath: target.path, context: target.context)
            }
        for plan in plans { try report(plan) }
    }

    /// The files to rotate and the context of each.
    private func targets() throws(ConfigError) -> [(path: String, context: SecretContext)] {
        let layerContext = SecretContext(environment: environment)
        var targets = try layerFiles().map { (path: $0, context: layerContext) }
        if let tenantFile, let tenant {
            targets.append((tenantFile, SecretContext(environment: environment, tenant: tenant)))
        }
        guard !targets.isEmpty else {
            throw ConfigError(
                .noConfiguration,
                "\(configDirectory) has no layer file for \(environment) (\(environment).json, .yaml, .yml or \(environment).local.*)"
            )
        }
        return targets
    }

    /// `<env>.json|yaml|yml` and `<env>.local.json|yaml|yml` in the config directory, sorted.
    private func layerFiles() throws(ConfigError) -> [String] {
        let names = try LocalFileSystem().contentsOfDirectory(atPath: configDirectory)
        let wanted = Set(
            [environment, "\(environment).local"].flatMap { base in ["json", "yaml", "yml"].map { "\(base).\($0)" } }
        )
        return names.filter(wanted.contains).sorted().map { joinPath(configDirectory, $0) }
    }

    private func report(_ plan: RotationPlan) throws(ConfigError) {
        guard plan.changesFile else { return Output.line("no encrypted values in \(plan.path)") }
        guard !dryRun else {
            return Output.line("would rotate \(plan.count) values in \(plan.path) (dry run: nothing written)")
        }
        let backup = try plan.write() ?? ""
        Output.line("rotated \(plan.count) values in \(plan.path) (backup \(backup))")
    }
}
