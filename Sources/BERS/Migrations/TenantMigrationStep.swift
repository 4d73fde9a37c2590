import BERSJSON

/// One hop of the tenant version chain (`1.2` → `1.3`): a description and the operations that
/// turn a document of version `from` into one of version `to`.
///
/// Steps are declared as data in the project's tenant migrations file (`tenants.migrations` in
/// `bers.json`); ``TenantMigrationCatalog`` reads them and ``TenantMigrator`` runs them.
public struct TenantMigrationStep: Sendable {
    /// The version a document must have.
    public let from: String
    /// The version it has afterwards (its `version` member is set to it).
    public let to: String
    /// What the step changes, for people.
    public let description: String
    /// The operations, in order.
    let operations: [any MigrationOperation]

    /// `1.2 → 1.3`.
    public var name: String { "\(from) → \(to)" }

    /// Runs the operations on `document` and sets its version.
    func apply(to document: inout JSONValue) -> MigrationRecorder {
        var recorder = MigrationRecorder()
        for operation in operations {
            operation.apply(to: &document, &recorder)
        }
        recorder.set(.string(to), at: "/version", in: &document)
        return recorder
    }
}
