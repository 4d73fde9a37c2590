import BERSJSON

/// The chain of tenant migration steps a project declares, read from the file named by
/// `tenants.migrations` in `bers.json`.
///
/// ```json
/// {"stamp": "/generated_at",
///  "steps": [{"from": "1.0", "to": "1.1", "description": "Adds card_inventory, …",
///             "operations": [{"op": "add", "path": "/card_inventory", "value": {}}]}]}
/// ```
/// Each step starts where the previous one ended. Operations: `add`, `remove`, `deprecate`,
/// `derive-text`, `infer` and `array-to-map` (see the README's "Migrations and rollback").
public struct TenantMigrationCatalog: Sendable {
    /// The steps, oldest first.
    public let steps: [TenantMigrationStep]
    /// A member set to the migration time in seconds since 1970 when a document is migrated
    /// (`/generated_at` for Picasso), if any.
    public let stamp: JSONPointer?
    /// The file the steps were read from.
    public let file: String

    /// A catalog of these steps.
    init(steps: [TenantMigrationStep], stamp: JSONPointer?, file: String) {
        self.steps = steps
        self.stamp = stamp
        self.file = file
    }

    /// The steps that take a document from version `from` to version `to`, in order (none when
    /// they are the same).
    ///
    /// - Throws: ``TenantError`` `tenant.migration-failed` when `to` is older than `from`, or
    ///   the chain has no path between them.
    public func path(from: String, to: String) throws(TenantError) -> [TenantMigrationStep] {
        guard let start = DocumentVersion(parsing: from), let end = DocumentVersion(parsing: to) else {
            throw TenantError(
                .migrationFailed,
                "versions are dot-separated numbers such as 1.4.1 (got \(from) and \(to))"
            )
        }
        guard start <= end else {
            throw TenantError(
                .migrationFailed,
                "the document is at version \(from), newer than \(to); migrations only go forward (bers tenant rollback restores an earlier document)"
            )
        }
        var path: [TenantMigrationStep] = []
        var current = start
        while current != end {
            guard let step = steps.first(where: { DocumentVersion(parsing: $0.from) == current }) else {
                throw TenantError(
                    .migrationFailed,
                    "no migration step starts at version \(current.text) on the way from \(from) to \(to) (\(file) has \(chainText))"
                )
            }
            path.append(step)
            current = DocumentVersion(parsing: step.to) ?? end
        }
        return path
    }

    /// The newest version the chain reaches.
    public var latestVersion: String? { steps.last?.to }

    /// `1.0 → 1.1 → 1.2`, for messages.
    var chainText: String {
        guard let first = steps.first else { return "no steps" }
        return ([first.from] + steps.map(\.to)).joined(separator: " → ")
    }
}
