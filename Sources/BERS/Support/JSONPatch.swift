import BERSJSON

/// One RFC 6902 JSON Patch operation: `add`, `remove` or `replace` at a pointer.
public struct JSONPatchOperation: Sendable, Hashable {
    /// The operations a diff produces.
    public enum Kind: String, Sendable, Hashable {
        /// A member that was not there.
        case add
        /// A member that is no longer there.
        case remove
        /// A value that changed.
        case replace
    }

    /// What the operation does.
    public let kind: Kind
    /// Where (RFC 6901).
    public let pointer: JSONPointer
    /// The new value (`add`, `replace`).
    public let value: JSONValue?

    /// An operation of this kind at `pointer` with `value`.
    public init(kind: Kind, pointer: JSONPointer, value: JSONValue?) {
        self.kind = kind
        self.pointer = pointer
        self.value = value
    }

    /// `{"op": "replace", "path": "/version", "value": "1.3"}`.
    public var jsonValue: JSONValue {
        var object: JSONObject = ["op": .string(kind.rawValue), "path": .string(pointer.description)]
        if let value { object["value"] = value }
        return .object(object)
    }
}

/// The RFC 6902 patch that turns one JSON value into another.
public enum JSONPatch {
    /// The operations turning `before` into `after`: members added, removed and replaced,
    /// recursively through objects and through arrays of equal length (an array whose length
    /// changed is replaced whole, so indices never shift under later operations).
    public static func operations(from before: JSONValue, to after: JSONValue) -> [JSONPatchOperation] {
        var operations: [JSONPatchOperation] = []
        diff(before, after, at: .root, into: &operations)
        return operations
    }

    /// `document` with `operations` applied, or `nil` when one does not apply (a missing parent).
    public static func applying(_ operations: [JSONPatchOperation], to document: JSONValue) -> JSONValue? {
        var result = document
        for operation in operations {
            guard result.setValue(operation.kind == .remove ? nil : operation.value, at: operation.pointer) else {
                return nil
            }
        }
        return result
    }

    private static func diff(
        _ before: JSONValue,
        _ after: JSONValue,
        at pointer: JSONPointer,
        into operations: inout [JSONPatchOperation]
    ) {
        guard before != after else { return }
        switch (before, after) {
        case (.object(let old), .object(let new)):
            for (key, _) in old where new[key] == nil {
                operations.append(JSONPatchOperation(kind: .remove, pointer: pointer.appending(key), value: nil))
            }
            for (key, value) in new {
                if let previous = old[key] {
                    diff(previous, value, at: pointer.appending(key), into: &operations)
                } else {
                    operations.append(JSONPatchOperation(kind: .add, pointer: pointer.appending(key), value: value))
                }
            }
        case (.array(let old), .array(let new)) where old.count == new.count:
            for index in old.indices {
                diff(old[index], new[index], at: pointer.appending(index: index), into: &operations)
            }
        default:
            operations.append(JSONPatchOperation(kind: .replace, pointer: pointer, value: after))
        }
    }
}
