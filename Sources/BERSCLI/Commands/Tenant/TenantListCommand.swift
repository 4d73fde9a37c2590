import ArgumentParser
import BERS
import BERSJSON

/// `bers tenant list`: the tenants a store holds.
struct TenantListCommand: AsyncParsableCommand, ProjectCommand, StructuredOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the tenant hashes of a store with their tenant ids."
    )

    @OptionGroup var project: ProjectOptions
    @OptionGroup var stores: TenantStoreOptions

    @OptionGroup var output: ReportOutputOptions

    var structuredOutput: StructuredFormat? { output.structured }

    func run() async throws {
        let project = try optionalProject(self.project)
        let policy = project?.settings.tenants.hashPolicy ?? .default
        let rows = try await stores.withStore(project: project) { store in
            try await TenantRepository(store: store).listTenants(policy: policy).map { ($0.hash.value, $0.tenantID) }
        }
        if output.printStructured(.array(rows.map { ["tenant_hash": .string($0.0), "tenant_id": .string($0.1)] })) {
            return
        }
        for (hash, id) in rows { Output.line("\(hash)  \(id)") }
    }
}
