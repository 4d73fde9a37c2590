import BERSJSON

/// Adds a member when it is absent; missing parent objects are created.
///
/// `{"op": "add", "path": "/card_inventory", "value": {}}`. Steps add new sections empty; they
/// never invent content.
struct AddMemberOperation: MigrationOperation {
    /// Where the member goes.
    let pointer: JSONPointer
    /// Its value.
    let value: JSONValue

    func apply(to document: inout JSONValue, _ recorder: inout MigrationRecorder) {
        guard document[pointer: pointer] == nil else { return }
        recorder.set(value, at: pointer, in: &document)
    }
}

/// `{"op": "remove", "each": "/cta_definitions/*/style"}`: removes every member the pattern
/// matches.
struct RemoveMembersOperation: MigrationOperation {
    /// The members removed.
    let pattern: PointerPattern

    func apply(to document: inout JSONValue, _ recorder: inout MigrationRecorder) {
        // From the last match back, so array indices stay valid.
        for match in pattern.matches(in: document).reversed() {
            recorder.set(nil, at: match.pointer, in: &document)
        }
    }
}

/// `{"op": "deprecate", "each": "/conversation_branches/*/detection_keywords", "message": "…"}`:
/// a warning at every member the pattern matches; nothing changes.
struct DeprecationOperation: MigrationOperation {
    /// The deprecated members.
    let pattern: PointerPattern
    /// The warning, with `{1}`, `{2}`… for the wildcards' captures.
    let message: RuleTemplate

    func apply(to document: inout JSONValue, _ recorder: inout MigrationRecorder) {
        for match in pattern.matches(in: document) {
            recorder.warn(.migrationNote, at: match.pointer, message.render(match.bindings))
        }
    }
}

extension PointerPattern.Match {
    /// `{1}`, `{2}`… bound to the captures, and `{key}` to the last token.
    var bindings: [String: String] {
        var bindings: [String: String] = ["key": pointer.lastToken ?? ""]
        for (index, capture) in captures.enumerated() { bindings[String(index + 1)] = capture }
        return bindings
    }
}
