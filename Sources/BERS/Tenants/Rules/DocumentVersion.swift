import BERSJSON

/// The version of a tenant document (its top-level `version` member) or a rule's `since`.
///
/// `"1.4.1"` and `"v1.4.1"` are `[1, 4, 1]`; versions compare number by number (`1.10` is after
/// `1.9`, and `1.3.0` is after `1.3`).
struct DocumentVersion: Sendable, Hashable, Comparable {
    /// The numbers, most significant first.
    var parts: [Int]

    /// The version a document is held to: its `version` string; the oldest (`0`) when it has
    /// none, so it gets every newer rule as a migration warning; the newest when it does not
    /// parse, so it gets every rule.
    static func of(_ document: JSONValue) -> DocumentVersion {
        guard let text = document["version"]?.stringValue else { return DocumentVersion(parts: [0]) }
        return DocumentVersion(parsing: text) ?? DocumentVersion(parts: [Int.max])
    }

    /// `1.4.1`.
    var text: String { parts.map(String.init).joined(separator: ".") }

    /// Whether `lhs` is older than `rhs`.
    static func < (lhs: DocumentVersion, rhs: DocumentVersion) -> Bool {
        lhs.parts.lexicographicallyPrecedes(rhs.parts)
    }
}

extension DocumentVersion {
    /// Reads `"1.4.1"` or `"v1.4.1"`; `nil` when it is not dot-separated numbers.
    init?(parsing text: String) {
        let digits = text.hasPrefix("v") || text.hasPrefix("V") ? text.dropFirst() : Substring(text)
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
        guard !parts.isEmpty, parts.allSatisfy({ ($0 ?? -1) >= 0 }) else { return nil }
        self.parts = parts.compactMap { $0 }
    }
}
