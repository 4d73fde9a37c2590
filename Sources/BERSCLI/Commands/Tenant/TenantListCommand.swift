import ArgumentParser
import BERS
import BERSJSON

/// `bers tenant list`: the tenants a store holds.
struct TenantListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the tenant hashes of a store with their tenant ids."
    )

    @OptionGroup var project: ProjectOptions
    @OptionGroup var stores: TenantStoreOptions

    @Flag(help: "Print a JSON array of {tenant_hash, tenant_id}.")
    var json = false

    func run() async throws {
        let project = try optionalProject(self.project)
        let policy = project?.settings.tenants.hashPolicy ?? .default
        let rows = try await stores.withStore(project: project) { store in
            try await TenantRepository(store: store).listTenants(policy: policy).map { ($0.hash.value, $0.tenantID) }
        }
        if json {
            Output.raw(
                JSONSerializer(style: .pretty)
                    .string(.array(rows.map { ["tenant_hash": .string($0.0), "tenant_id": .string($0.1)] }))
            )
        } else {
            for (hash, id) in rows { Output.line("\(hash)  \(id)") }
        }
    }
}
