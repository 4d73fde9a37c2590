import BERS
import BERSJSON

/// Everything an emitter needs for one environment: the resolved, validated configuration, its
/// endpoints, the inputs it came from, and the metadata to stamp.
public struct BuildInput: Sendable {
    /// The environment built.
    public let environment: Environment
    /// Why it is built.
    public let reason: EnvironmentReason
    /// The resolved configuration.
    public let configuration: ResolvedConfiguration
    /// Its endpoints.
    public let endpoints: EndpointTable
    /// The files and arguments it was resolved from.
    public let inputs: [InputFile]
    /// `sha256:` and the combined hash of ``inputs`` (see ``InputFile/combinedHash(_:environment:)``).
    public let inputsHash: String
    /// The result of schema validation.
    public let validation: ValidationOutcome
    /// Warnings from resolution.
    public let diagnostics: [String]
    /// Every environment of the project, in catalog order.
    public let environmentNames: [String]
    /// The environment and its ancestors, root first.
    public let lineage: [String]
    /// The version of BERS and the build time.
    public let bersVersion: String
    /// The build time (ISO 8601), if stamped.
    public let buildTime: String?
    /// The tenant of a `--tenant` build.
    public let tenant: TenantHash?
    /// The config directory, to write paths relative to it.
    public let configDirectory: String

    /// The secret paths an artifact of this input may carry: the configuration's secrets, and
    /// the endpoints whose URLs carry one (`/endpoints/dbUrl`).
    public var secretPointers: [JSONPointer] {
        configuration.secretPointers + endpoints.secretPointers
    }

    /// The value of build metadata `field`.
    func buildValue(_ field: ValueSpec.BuildField) -> JSONValue {
        switch field {
        case .environment: .string(environment.name)
        case .time: buildTime.map(JSONValue.string) ?? .null
        case .inputsHash: .string(inputsHash)
        case .bersVersion: .string(bersVersion)
        case .tenant: tenant.map { .string($0.value) } ?? .null
        }
    }
}
