import BERSJSON

/// `infer`: fills a missing member of each matched object from the object's key, by a table of
/// key fragments; when no row matches it is an error, and nothing is invented.
///
/// The Picasso 1.2 → 1.3 step gives every form a `program`: `lovebox` when its key contains
/// `lovebox` or `lb_`, … A form whose key names no program (ATL642715's donation form) stops the
/// migration with the form's location, where the original wrote `NEEDS_ASSIGNMENT` and saved
/// the invalid document.
struct InferValueOperation: MigrationOperation {
    /// One row of the table: the value for keys containing any of the fragments.
    struct Row: Sendable {
        /// Fragments of the key, compared ignoring case.
        let fragments: [String]
        /// The value inferred.
        let value: JSONValue
    }

    /// The objects considered.
    let pattern: PointerPattern
    /// The member filled in when absent.
    let member: String
    /// The rows, first match wins.
    let rows: [Row]
    /// The warning for an inferred value (placeholders `{value}`, `{key}`, `{1}`…).
    let warning: RuleTemplate?
    /// The error code when no row matches.
    let failureCode: TenantIssue.Code
    /// The error message when no row matches (placeholders `{key}`, `{1}`…).
    let failureMessage: RuleTemplate

    func apply(to document: inout JSONValue, _ recorder: inout MigrationRecorder) {
        for match in pattern.matches(in: document) {
            guard case .object(let object) = match.value, object[member] == nil else { continue }
            let key = (match.pointer.lastToken ?? "").lowercased()
            guard let row = rows.first(where: { $0.fragments.contains { key.contains($0.lowercased()) } }) else {
                recorder.fail(failureCode, at: match.pointer, failureMessage.render(match.bindings))
                continue
            }
            let target = match.pointer.appending(member)
            recorder.set(row.value, at: target, in: &document)
            if let warning {
                var bindings = match.bindings
                bindings["value"] = row.value.stringValue ?? row.value.jsonText
                recorder.warn(.migrationNote, at: target, warning.render(bindings))
            }
        }
    }
}
