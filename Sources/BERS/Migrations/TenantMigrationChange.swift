import BERSJSON

/// One change a migration step makes to a tenant document: a member added, removed or replaced.
public struct TenantMigrationChange: Sendable, Hashable {
    /// Where in the document (JSON pointer).
    public let pointer: JSONPointer
    /// The value before, or `nil` when the step adds it.
    public let before: JSONValue?
    /// The value after, or `nil` when the step removes it.
    public let after: JSONValue?

    /// A change of the value at `pointer` from `before` to `after`.
    public init(pointer: JSONPointer, before: JSONValue?, after: JSONValue?) {
        self.pointer = pointer
        self.before = before
        self.after = after
    }

    /// `+ /path: new`, `- /path: old` or `~ /path: old -> new`, values as compact JSON
    /// (long ones shortened).
    public var line: String {
        switch (before, after) {
        case (nil, let after?): "+ \(pointer): \(Self.short(after))"
        case (let before?, nil): "- \(pointer): \(Self.short(before))"
        case (let before?, let after?): "~ \(pointer): \(Self.short(before)) -> \(Self.short(after))"
        case (nil, nil): "  \(pointer)"
        }
    }

    /// The change as an RFC 6902 operation.
    public var patchOperation: JSONPatchOperation {
        JSONPatchOperation(
            kind: before == nil ? .add : after == nil ? .remove : .replace,
            pointer: pointer,
            value: after
        )
    }

    /// Compact JSON of `value`, cut to 100 characters.
    static func short(_ value: JSONValue) -> String {
        let text = value.jsonText
        return text.count <= 100 ? text : String(text.prefix(97)) + "…"
    }
}
