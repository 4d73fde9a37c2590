import ArgumentParser
import BERS
import BERSJSON
import Foundation

/// `bers tenant get HASH`: what a service would serve for a tenant.
struct TenantGetCommand: AsyncParsableCommand, ProjectCommand, StructuredOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract:
            "Print a tenant's document (and, with --json or --format yaml, the environment configuration it is served with).",
        discussion: """
            A missing tenant gets the project's fallback document (tenants.fallback in bers.json), \
            marked "source": "fallback"; without one it is a tenant.not-found error.
            """
    )

    @Argument(help: "The tenant hash.")
    var hash: String

    @OptionGroup var project: ProjectOptions
    @OptionGroup var stores: TenantStoreOptions

    @OptionGroup var environment: EnvironmentOptions

    @OptionGroup var output: ReportOutputOptions

    @OptionGroup var secretKeys: SecretKeyOptions

    var structuredOutput: StructuredFormat? { output.structured }

    func run() async throws {
        let (project, stores) = try await self.stores.requiredProject(self.project)
        let hash = try TenantHash(hash, policy: project.settings.tenants.hashPolicy)
        let (environment, _) = try environment.resolveEnvironment(in: project)
        let variables = ProcessInfo.processInfo.environment
        // Encrypted values (the environment's and the tenant's overrides) open with these keys.
        let options = ResolveOptions(
            environmentVariables: variables,
            secretKeyring: try secretKeys.keyring(environment: variables)
        )
        let served = try await stores.withStore(project: project) { store in
            try await TenantRuntime(project: project, store: store)
                .resolve(environment: environment, tenant: hash, options: options)
        }
        Output.diagnostics(served.configuration.diagnostics)
        if output.printStructured(served.jsonValue) { return }
        switch served.source {
        case .fallback(let error): Output.diagnostic("note: \(error.message); serving the fallback document")
        case .stale(let error):
            Output.diagnostic("warning: the store failed (\(error.message)); serving the last good copy")
        default: break
        }
        Output.raw(JSONSerializer(style: .pretty).string(served.redactedTenant))
    }
}
