import BERSJSON

/// Reads and edits a layer's value along object members, for migration operations: paths never
/// go into arrays (an index is not a stable name, so a re-run could touch another element).
enum KeyMigrationTree {
    /// What is at a path.
    enum Lookup {
        /// The value.
        case found(JSONValue)
        /// Nothing: a member on the way is missing, or a scalar stands where an object would.
        case absent
        /// An array stands on the way, at this pointer.
        case throughArray(JSONPointer)
    }

    /// What editing the parent of a path gave.
    enum Edit<Result> {
        /// `body` ran on the parent object and returned this.
        case done(Result)
        /// A parent is missing and was not to be created.
        case missing
        /// A value that is not an object (an array or a scalar) stands at this pointer.
        case blocked(JSONPointer, JSONValue)
    }

    /// The value at `pointer` in `root`.
    static func lookup(_ pointer: JSONPointer, in root: JSONValue) -> Lookup {
        var current = root
        var walked = JSONPointer.root
        for token in pointer.tokens {
            switch current {
            case .object(let object):
                guard let next = object[token] else { return .absent }
                current = next
                walked = walked.appending(token)
            case .array:
                return .throughArray(walked)
            default:
                return .absent
            }
        }
        return .found(current)
    }

    /// Runs `body` on the object holding the last member of `pointer` and the member's name,
    /// creating missing objects on the way when `create` is set.
    static func editParent<Result>(
        of pointer: JSONPointer,
        in root: inout JSONValue,
        create: Bool,
        _ body: (inout JSONObject, String) -> Result
    ) -> Edit<Result> {
        guard let key = pointer.lastToken, let parent = pointer.parent else { return .missing }
        return descend(&root, tokens: parent.tokens[...], walked: .root, create: create) { object in
            body(&object, key)
        }
    }

    private static func descend<Result>(
        _ value: inout JSONValue,
        tokens: ArraySlice<String>,
        walked: JSONPointer,
        create: Bool,
        _ body: (inout JSONObject) -> Result
    ) -> Edit<Result> {
        guard case .object(var object) = value else { return .blocked(walked, value) }
        guard let token = tokens.first else {
            let result = body(&object)
            value = .object(object)
            return .done(result)
        }
        var child: JSONValue
        if let existing = object[token] {
            child = existing
        } else if create {
            child = .object(JSONObject())
        } else {
            return .missing
        }
        let result = descend(&child, tokens: tokens.dropFirst(), walked: walked.appending(token), create: create, body)
        if case .done = result {
            object[token] = child
            value = .object(object)
        }
        return result
    }

    /// `object` with the member `old` renamed `new`, in the same place.
    static func renaming(_ old: String, to new: String, in object: JSONObject) -> JSONObject {
        JSONObject(uniqueMembers: object.map { member in member.key == old ? (new, member.value) : member })
    }
}
