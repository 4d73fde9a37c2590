import BERSJSON

/// One operation of a migration step, as written in `migrations/NNNN-name.json`.
///
/// Paths are dotted (`api.timeout`, as `bers explain` takes them) or JSON pointers
/// (`/api/timeout`), and name object members only. Every operation is idempotent, so running a
/// step again after an interruption converges:
///
/// - `{"op": "rename", "path": "api.timeout", "to": "timeoutMs"}` gives the member a new name
///   under the same parent, in the same place among its siblings;
/// - `{"op": "move", "from": "api.retries", "to": "http.retries"}` puts the value anywhere else,
///   creating the objects on the way (the emptied parent stays);
/// - `{"op": "remove", "path": "features.legacy"}` deletes the value;
/// - `{"op": "set-default", "path": "api.rateLimit", "value": 100}` writes the value to the
///   `default` layer (creating `default.json` when there is no `default.*`) when neither the
///   default layer nor any environment layer sets it (local layers do not count: they are not
///   shared);
/// - `{"op": "change-type", "path": "api.timeout", "conversion": "string-to-number"}` converts the
///   value (see ``KeyConversion``).
///
/// A rename, move, remove or change-type whose path is absent from a file does nothing to that
/// file; a rename or move whose target the file already sets is an error.
public struct KeyMigrationOperation: Sendable, Hashable {
    /// What the operation does.
    public enum Action: Sendable, Hashable {
        /// Gives the member at `path` the name `to` under the same parent.
        case rename(path: JSONPointer, to: String)
        /// Moves the value at `from` to `to`.
        case move(from: JSONPointer, to: JSONPointer)
        /// Removes the value at `path`.
        case remove(path: JSONPointer)
        /// Sets `value` at `path` in the default layer unless a shared layer sets it.
        case setDefault(path: JSONPointer, value: JSONValue)
        /// Converts the value at `path`.
        case changeType(path: JSONPointer, conversion: KeyConversion)
    }

    /// The operation names a step file may use, in the order the documentation lists them.
    public static let names = ["rename", "move", "remove", "set-default", "change-type"]

    /// What the operation does.
    public var action: Action
    /// Where the operation is written in its step file.
    public var location: SourceLocation?

    /// An operation doing `action`, written at `location`.
    public init(_ action: Action, location: SourceLocation? = nil) {
        self.action = action
        self.location = location
    }

    /// The operation's name as written in step files (`rename`, `set-default`).
    public var name: String {
        switch action {
        case .rename: "rename"
        case .move: "move"
        case .remove: "remove"
        case .setDefault: "set-default"
        case .changeType: "change-type"
        }
    }

    /// The path the operation reads.
    public var source: JSONPointer {
        switch action {
        case .rename(let path, _), .remove(let path), .setDefault(let path, _), .changeType(let path, _): path
        case .move(let from, _): from
        }
    }

    /// Where a rename or move puts the value; `nil` for the other operations.
    public var destination: JSONPointer? {
        switch action {
        case .rename(let path, let key): path.parent.map { $0.appending(key) }
        case .move(_, let to): to
        default: nil
        }
    }
}
