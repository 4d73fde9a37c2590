import ArgumentParser
import BERS
import BERSJSON
import Foundation

/// `bers tenant get HASH`: what a service would serve for a tenant.
struct TenantGetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Print a tenant's document (and, with --json, the environment configuration it is served with).",
        discussion: "A missing tenant gets the fallback document, marked \"source\": \"fallback\"."
    )

    @Argument(help: "The tenant hash.")
    var hash: String

    @OptionGroup var project: ProjectOptions
    @OptionGroup var stores: TenantStoreOptions

    @Option(name: .customLong("env"), help: "The environment (default: detected).")
    var environment: String?

    @Flag(help: "Print the tenant, its source and the configuration as JSON.")
    var json = false

    func run() async throws {
        let project = try project.load()
        let hash = try TenantHash(hash, policy: project.settings.tenants.hashPolicy)
        let options = EnvironmentOptions(environment: environment, url: nil, hostname: nil, buildContext: nil)
        let (environment, _) = try options.resolveEnvironment(in: project)
        let served = try await stores.withStore(project: project) { store in
            try await TenantRuntime(project: project, store: store)
                .resolve(
                    environment: environment,
                    tenant: hash,
                    options: ResolveOptions(environmentVariables: ProcessInfo.processInfo.environment)
                )
        }
        for diagnostic in served.configuration.diagnostics { Output.diagnostic(diagnostic.description) }
        if json {
            Output.raw(JSONSerializer(style: .pretty).string(served.jsonValue))
            return
        }
        switch served.source {
        case .fallback(let error): Output.diagnostic("note: \(error.message); serving the fallback document")
        case .stale(let error):
            Output.diagnostic("warning: the store failed (\(error.message)); serving the last good copy")
        default: break
        }
        Output.raw(JSONSerializer(style: .pretty).string(served.tenant))
    }
}
