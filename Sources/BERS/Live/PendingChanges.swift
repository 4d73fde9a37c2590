/// Changes not yet delivered, at most one per directory: a later change of a directory merges
/// into the pending one (its names added, unknown names winning), keeping the first one's place.
struct PendingChanges {
    private struct Entry {
        let directory: String
        var names: [String]
        var seen: Set<String>
        var namesKnown: Bool
    }

    private var entries: [Entry] = []

    /// Whether nothing is pending.
    var isEmpty: Bool { entries.isEmpty }

    /// Adds `change`, merged into the pending change of its directory if there is one.
    mutating func add(_ change: DirectoryChange) {
        add(directory: change.directory, names: change.names)
    }

    /// Adds a change of `names` in `directory` (`nil`: anything may have changed).
    mutating func add(directory: String, names: [String]?) {
        let index: Int
        if let existing = entries.firstIndex(where: { $0.directory == directory }) {
            index = existing
        } else {
            entries.append(Entry(directory: directory, names: [], seen: [], namesKnown: true))
            index = entries.count - 1
        }
        guard let names else {
            entries[index].namesKnown = false
            entries[index].names = []
            entries[index].seen = []
            return
        }
        guard entries[index].namesKnown else { return }
        for name in names where entries[index].seen.insert(name).inserted {
            entries[index].names.append(name)
        }
    }

    /// Removes and returns the oldest pending change.
    mutating func removeFirst() -> DirectoryChange? {
        guard !entries.isEmpty else { return nil }
        let entry = entries.removeFirst()
        return DirectoryChange(directory: entry.directory, names: entry.namesKnown ? entry.names : nil)
    }

    /// Removes and returns every pending change, oldest first.
    mutating func removeAll() -> [DirectoryChange] {
        var changes: [DirectoryChange] = []
        while let change = removeFirst() { changes.append(change) }
        return changes
    }
}
