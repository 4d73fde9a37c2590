/// A change notification: a watched directory saw a change, and which of its entries were involved
/// when the watcher can tell.
public struct DirectoryChange: Sendable, Equatable, CustomStringConvertible {
    /// The watched directory, spelt as it was given to the watcher.
    public let directory: String
    /// The names of the entries that changed (not paths), in the order first seen; `nil` when
    /// the watcher cannot tell (its event queue overflowed, or the directory itself was removed,
    /// moved or replaced): then anything in the directory may have changed.
    public let names: [String]?

    /// A change of `names` in `directory`; `nil` names say that anything may have changed.
    public init(directory: String, names: [String]?) {
        self.directory = directory
        self.names = names
    }

    /// Whether the change may concern the entry called `name`: true when it is among ``names``
    /// or when the names are unknown.
    public func mayConcern(_ name: String) -> Bool {
        names?.contains(name) ?? true
    }

    /// `directory: name, name` (or `directory: *` when the names are unknown).
    public var description: String {
        "\(directory): \(names.map { $0.joined(separator: ", ") } ?? "*")"
    }
}
