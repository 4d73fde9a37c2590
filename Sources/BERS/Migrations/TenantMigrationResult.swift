import BERSJSON

/// What migrating one tenant document would do (or did): the steps with their changes, the
/// warnings and errors, the patch, and the validation of the result.
///
/// The migration may be written only when ``isBlocked`` is `false`: no step failed and the result
/// has no validation problem the input did not already have.
public struct TenantMigrationResult: Sendable {
    /// One step of the plan and what it changed.
    public struct StepOutcome: Sendable {
        /// The step.
        public let step: TenantMigrationStep
        /// Its changes, in order.
        public let changes: [TenantMigrationChange]
        /// Its warnings (review them), located in the input document.
        public let warnings: [TenantIssue]
        /// Its errors (they block the write), located in the input document.
        public let errors: [TenantIssue]
    }

    /// The document's file or store key, for messages.
    public let file: String
    /// The version migrated from.
    public let fromVersion: String
    /// The version migrated to.
    public let toVersion: String
    /// The steps run, in order (none when the document is already at the target version).
    public let steps: [StepOutcome]
    /// The migration time written to the catalog's `stamp` member (`generated_at`), if any.
    public let stamp: TenantMigrationChange?
    /// The input.
    public let original: JSONValue
    /// The migrated document.
    public let migrated: JSONValue
    /// Problems of the migrated document the input already had (they do not block the write).
    public let preExisting: [TenantIssue]
    /// Problems the migration would introduce (they block the write).
    public let introduced: [TenantIssue]

    /// Every step's warnings.
    public var warnings: [TenantIssue] { steps.flatMap(\.warnings) }
    /// Every step's errors.
    public var errors: [TenantIssue] { steps.flatMap(\.errors) }
    /// Whether the migration must not be written.
    public var isBlocked: Bool { !errors.isEmpty || !introduced.isEmpty }
    /// Whether there is nothing to write (same document).
    public var isUnchanged: Bool { original == migrated }
    /// The RFC 6902 patch from the input to the result.
    public var patch: [JSONPatchOperation] { JSONPatch.operations(from: original, to: migrated) }
    /// The migrated document as written: two-space JSON and a final newline.
    public var bytes: [UInt8] { JSONSerializer(style: .pretty).bytes(migrated) }
}
