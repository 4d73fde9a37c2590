/// What `bers migrate` would do: the pending steps of `migrations/`, the changes they make to
/// each layer file, and the new `bers.json`, checked against every environment's schema.
///
/// A plan is computed in memory and writes nothing; ``KeyMigrationWriter`` writes it.
///
/// ```swift
/// let project = try ConfigProject(directory: "config")
/// let plan = try project.keyMigrationPlan()
/// print(plan.text)
/// try await KeyMigrationWriter(fileSystem: project.fileSystem).write(plan)
/// ```
public struct KeyMigrationPlan: Sendable {
    /// The config directory.
    public let directory: String
    /// The number of steps applied before (`migrations.applied` in `bers.json`).
    public let applied: Int
    /// The pending steps, in order (steps `applied + 1` to the last).
    public let steps: [KeyMigrationStep]
    /// The layer files that change, shared layers first.
    public let files: [KeyMigrationFileChanges]
    /// `bers.json` with the new `migrations.applied`, written last; `nil` when nothing is pending.
    public let projectFile: KeyMigrationFileChanges?
    /// The environments resolved and validated after the change.
    public let validatedEnvironments: [String]
    /// The schema they were validated against (`bers.json`'s `schema`), if any.
    public let schema: String?

    /// Whether no step is pending.
    public var isEmpty: Bool { steps.isEmpty }

    /// `migrations.applied` once the plan is written.
    public var appliedAfter: Int { applied + steps.count }

    /// Every file the writer writes, in order: the layer files, then `bers.json`.
    public var writes: [KeyMigrationFileChanges] { files + (projectFile.map { [$0] } ?? []) }
}
