import ArgumentParser
import BERS
import BERSJSON

/// `bers tenant hash TENANT_ID`: the public hash of a tenant id.
struct TenantHashCommand: ParsableCommand, ProjectCommand, StructuredOutputCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash",
        abstract: "Print the tenant hash of a tenant id (the real recipe: 2 letters + 12 hex of SHA-256(id + salt))."
    )

    enum Shape: String, ExpressibleByArgument, CaseIterable {
        case legacy, hex14
    }

    @Argument(help: "The tenant id, such as MYR384719.")
    var tenantID: String

    @Option(help: "The salt (default: the Picasso salt, or tenants.salt of bers.json).")
    var salt: String?

    @Option(help: "The hash shape.")
    var shape: Shape = .legacy

    @OptionGroup var project: ProjectOptions
    @OptionGroup var output: ReportOutputOptions

    var structuredOutput: StructuredFormat? { output.structured }

    func validate() throws {
        guard TenantRepository.isValidTenantID(tenantID) else {
            throw ValidationError("\(tenantID) is not a tenant id: use 1-64 letters, digits, '_' or '-'.")
        }
    }

    func run() throws {
        let configuredSalt = try optionalProject(project)?.settings.tenants.salt
        let hash: TenantHash
        do {
            hash = try TenantHash.derive(
                tenantID: tenantID,
                salt: salt ?? configuredSalt ?? TenantHash.picassoSalt,
                shape: shape == .legacy ? .legacy : .hex14
            )
        } catch {
            // The library says why; the CLI adds the flag that picks the other shape.
            throw ValidationError("\(error.message) (--shape hex14)")
        }
        let value: JSONValue = [
            "tenant_id": .string(tenantID), "tenant_hash": .string(hash.value), "shape": .string(shape.rawValue),
        ]
        if output.printStructured(value) { return }
        Output.line(hash.value)
    }
}
