import BERSJSON

/// Migrates tenant documents along a project's version chain and checks the result, without
/// writing anything (``TenantChangeWriter`` writes).
///
/// ```swift
/// let migrator = try project.tenantMigrator()
/// let result = try migrator.migrate(document, to: "1.3")
/// for step in result.steps { print(step.step.name, step.changes.map(\.line)) }
/// if !result.isBlocked { … write result.bytes … }
/// ```
public struct TenantMigrator: Sendable {
    /// The steps.
    public let catalog: TenantMigrationCatalog
    /// Checks the input and the result.
    public let validator: TenantValidator

    /// A migrator running `catalog`'s steps and checking with `validator`.
    public init(catalog: TenantMigrationCatalog, validator: TenantValidator) {
        self.catalog = catalog
        self.validator = validator
    }

    /// Migrates `document` to version `target` (the newest version of the chain when `nil`).
    ///
    /// - Parameters:
    ///   - from: The version to assume when the document has no `version` member; when it has
    ///     one, `from` must name the same version.
    ///   - now: The migration time, written to the catalog's `stamp` member.
    /// - Throws: ``TenantError`` `tenant.migration-failed` when the document has no usable
    ///   version (and `from` is not given), or the chain has no path to `target`.
    public func migrate(
        _ document: JSONDocument,
        to target: String?,
        from: String? = nil,
        now: UTCTimestamp = .now()
    ) throws(TenantError) -> TenantMigrationResult {
        let start = try startVersion(of: document, assumed: from)
        guard let end = target ?? catalog.latestVersion else {
            throw TenantError(.migrationFailed, "\(catalog.file) declares no migration steps")
        }
        var migrated = document.value
        var outcomes: [TenantMigrationResult.StepOutcome] = []
        var moves: [[PointerMove]] = []
        for step in try catalog.path(from: start, to: end) {
            let recorder = step.apply(to: &migrated)
            moves.append(recorder.moves)
            outcomes.append(
                .init(
                    step: step,
                    changes: recorder.changes,
                    warnings: recorder.warnings.map { locate($0, in: document) },
                    errors: recorder.errors.map { locate($0, in: document) }
                )
            )
        }
        var stampChange: TenantMigrationChange?
        if !outcomes.isEmpty, let stamp = catalog.stamp, let before = migrated[pointer: stamp] {
            migrated.setValue(.integer(now.secondsSince1970), at: stamp)
            stampChange = TenantMigrationChange(pointer: stamp, before: before, after: .integer(now.secondsSince1970))
        }
        let (allPreExisting, introduced) = compare(document, migrated, at: end, following: moves)
        // A problem a step reports as its error (a form whose program it cannot infer) is that
        // step's failure, not a note about the input.
        let stepErrors = outcomes.flatMap(\.errors).map { "\($0.pointer)" }
        let preExisting = allPreExisting.filter { issue in
            !stepErrors.contains { Self.overlaps($0, "\(issue.pointer)") }
        }
        return TenantMigrationResult(
            file: document.file,
            fromVersion: start,
            toVersion: end,
            steps: outcomes,
            stamp: stampChange,
            original: document.value,
            migrated: migrated,
            preExisting: preExisting,
            introduced: introduced
        )
    }

    /// The document's version, or `assumed` when it has none.
    private func startVersion(of document: JSONDocument, assumed: String?) throws(TenantError) -> String {
        switch document.value["version"] {
        case .string(let text)? where assumed != nil && assumed != text:
            throw TenantError(
                .migrationFailed,
                "\(document.file) says it is version \(text), not \(assumed ?? ""); --from is only for a document without \"version\"",
                location: document.location(of: "/version")
            )
        case .string(let text)? where DocumentVersion(parsing: text) != nil:
            return text
        case nil where assumed != nil:
            return assumed ?? ""
        case nil:
            throw TenantError(
                .migrationFailed,
                "\(document.file) has no \"version\"; pass --from with the version it is written in (such as 1.0)",
                location: document.location(ofNode: 0)
            )
        case let value?:
            throw TenantError(
                .migrationFailed,
                "\(document.file): \"version\" is \(value.jsonText), not a version such as \"1.3\"",
                location: document.location(of: "/version")
            )
        }
    }

    /// The result's validation problems, split into those the input already had (validated as
    /// if it were at `version`, their pointers following the values the steps moved) and those
    /// the migration introduces.
    private func compare(
        _ input: JSONDocument,
        _ migrated: JSONValue,
        at version: String,
        following moves: [[PointerMove]]
    ) -> (preExisting: [TenantIssue], introduced: [TenantIssue]) {
        var asTarget = input.value
        asTarget.setValue(.string(version), at: "/version")
        let before = validator.validate(JSONDocument(value: asTarget, file: input.file)).errors
            .map { issue in
                var moved = issue
                moved.pointer = PointerMove.follow(issue.pointer, through: moves)
                return moved
            }
        let after = validator.validate(JSONDocument(value: migrated, file: input.file)).errors
            .map { locate($0, in: input) }
        return TenantIssue.split(after, against: before)
    }

    /// Whether one pointer is the other or inside it.
    private static func overlaps(_ first: String, _ second: String) -> Bool {
        first == second || second.hasPrefix(first + "/") || first.hasPrefix(second + "/")
    }

    /// `issue` with the location of its pointer (or its nearest existing parent) in `document`.
    private func locate(_ issue: TenantIssue, in document: JSONDocument) -> TenantIssue {
        var located = issue
        located.location = document.nearestLocation(of: issue.pointer)
        return located
    }
}
