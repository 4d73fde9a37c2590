import BERSJSON

/// `derive-text`: fills a missing text member of each matched object, from another member when
/// one has text, else from the object's label with a leading phrase removed.
///
/// The Picasso 1.2 → 1.3 step gives every `show_info` CTA a `prompt`: its `query` when it has
/// one, else "Tell me about {text}, …" where `{text}` is the label (then the text, then the
/// CTA id) without a leading "Learn About", "View", … (case-insensitive, whole words); when
/// nothing remains, "Provide information about {lowercased}". The derived branch warns, so a
/// person reviews the wording.
struct DeriveTextOperation: MigrationOperation {
    /// The objects considered.
    let pattern: PointerPattern
    /// Members each object must have with these values (`{"action": "show_info"}`).
    let conditions: [(member: String, value: JSONValue)]
    /// The member filled in when absent.
    let member: String
    /// Members copied as they are when one holds non-empty text (`["query"]`).
    let copyFrom: [String]
    /// Members the text is derived from, first non-empty wins; the object's key when none.
    let textFrom: [String]
    /// Leading phrases removed from the text, one at most.
    let stripPrefixes: [String]
    /// The derived text when something remains (placeholders `{text}`, `{1}`…).
    let template: RuleTemplate
    /// The derived text when nothing remains: `{lowercased}` (the whole text, lowercased).
    let emptyTemplate: RuleTemplate
    /// The warning for a derived text (placeholders `{value}`, `{1}`…).
    let warning: RuleTemplate?

    func apply(to document: inout JSONValue, _ recorder: inout MigrationRecorder) {
        for match in pattern.matches(in: document) {
            guard case .object(let object) = match.value, object[member] == nil,
                conditions.allSatisfy({ object[$0.member] == $0.value })
            else { continue }
            let target = match.pointer.appending(member)
            if let copied = copyFrom.lazy.compactMap({ Self.text(object[$0]) }).first {
                recorder.set(.string(copied), at: target, in: &document)
                continue
            }
            let derived = derive(from: object, key: match.pointer.lastToken ?? "", bindings: match.bindings)
            recorder.set(.string(derived), at: target, in: &document)
            if let warning {
                var bindings = match.bindings
                bindings["value"] = derived
                recorder.warn(.migrationNote, at: target, warning.render(bindings))
            }
        }
    }

    /// The text for `object`, whose key is `key`.
    private func derive(from object: JSONObject, key: String, bindings: [String: String]) -> String {
        let source = textFrom.lazy.compactMap { Self.text(object[$0]) }.first ?? key
        let rest = Self.removingLeadingPhrase(of: source, among: stripPrefixes)
        var names = bindings
        names["text"] = rest
        names["lowercased"] = source.lowercased()
        return rest.isEmpty ? emptyTemplate.render(names) : template.render(names)
    }

    /// The non-empty, trimmed text of a string value.
    private static func text(_ value: JSONValue?) -> String? {
        guard case .string(let text)? = value else { return nil }
        let trimmed = text.trimmingWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// `text` without the first of `phrases` it starts with (ignoring case, as a whole word),
    /// trimmed.
    static func removingLeadingPhrase(of text: String, among phrases: [String]) -> String {
        let lowered = text.lowercased()
        for phrase in phrases where lowered.hasPrefix(phrase.lowercased()) {
            let rest = text.dropFirst(phrase.count)
            guard rest.first.map({ $0.isWhitespace }) ?? true else { continue }
            return String(rest).trimmingWhitespace()
        }
        return text
    }
}
