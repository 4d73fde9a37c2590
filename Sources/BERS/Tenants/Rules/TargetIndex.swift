import BERSJSON

/// Answers whether a reference's value exists at a target, remembering the strings found at each
/// target without `{value}` so that a document's many references scan it once.
struct TargetIndex {
    /// The document.
    let document: JSONValue
    private var strings: [PointerPattern: Set<String>] = [:]

    /// An index of `document`.
    init(document: JSONValue) { self.document = document }

    /// Whether `value` is at `target` (placeholders filled from `bindings`): the pointer exists
    /// when the target uses `{value}`, else some string the target matches equals `value`.
    mutating func contains(_ value: String, at target: PointerTemplate, _ bindings: [String: String]) -> Bool {
        let pattern = target.render(bindings)
        if target.placeholders.contains("value") { return pattern.matchesAnything(in: document) }
        if let known = strings[pattern] { return known.contains(value) }
        let found = Set(pattern.matches(in: document).compactMap(\.value.stringValue))
        strings[pattern] = found
        return found.contains(value)
    }
}
