import BERSJSON

/// What a migration step did to a document: its changes, warnings and errors.
///
/// The step's operations report them; locations are added afterwards, from the original
/// document.
struct MigrationRecorder {
    /// The changes, in the order they were made.
    var changes: [TenantMigrationChange] = []
    /// Things a person should review; they do not block the write.
    var warnings: [TenantIssue] = []
    /// Problems that block the migration.
    var errors: [TenantIssue] = []
    /// Values moved unchanged to another pointer, in the order they were moved.
    var moves: [PointerMove] = []

    /// Sets the value at `pointer` in `document` (`nil` removes it) and records the change.
    mutating func set(_ value: JSONValue?, at pointer: JSONPointer, in document: inout JSONValue) {
        let before = document[pointer: pointer]
        guard before != value, document.setValue(value, at: pointer) else { return }
        changes.append(TenantMigrationChange(pointer: pointer, before: before, after: value))
    }

    /// Records that the value at `from` is now at `to`, unchanged.
    mutating func move(from: JSONPointer, to: JSONPointer) {
        moves.append(PointerMove(from: from, to: to))
    }

    /// Records a warning at `pointer`.
    mutating func warn(_ code: TenantIssue.Code, at pointer: JSONPointer, _ message: String) {
        warnings.append(TenantIssue(code: code, pointer: pointer, message: message, location: nil))
    }

    /// Records an error at `pointer`.
    mutating func fail(_ code: TenantIssue.Code, at pointer: JSONPointer, _ message: String) {
        errors.append(TenantIssue(code: code, pointer: pointer, message: message, location: nil))
    }
}

/// One operation of a migration step, read from the migrations file.
protocol MigrationOperation: Sendable {
    /// Applies the operation to `document`, recording what it changed and found.
    func apply(to document: inout JSONValue, _ recorder: inout MigrationRecorder)
}

extension TenantIssue.Code {
    /// A migration changed something a person should review (a derived prompt, an inferred
    /// program, a deprecated member).
    public static let migrationNote = TenantIssue.Code("tenant.migration-note")
}
