#if os(Linux)
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Turns inotify events into changes of the watched directories, and forgets watches the kernel
/// dropped.
struct InotifyEventRouter: Sendable {
    /// The directories of each live watch.
    private(set) var directories: [Int32: [String]]
    /// Every watched directory, in the order given: all of them change on a queue overflow.
    private let allDirectories: [String]

    /// A router for the watches of a set.
    init(directories: [Int32: [String]], allDirectories: [String]) {
        self.directories = directories
        self.allDirectories = allDirectories
    }

    /// The watches whose directory went away (moved out of place) and should be removed.
    private static let selfEvents = UInt32(IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED | IN_UNMOUNT)

    /// Adds the changes `event` means to `pending`; returns a watch to remove (the directory was
    /// moved away, so later events would concern another path).
    mutating func route(_ event: InotifyEvent, into pending: inout PendingChanges) -> Int32? {
        if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // Events were lost: anything anywhere may have changed.
            for directory in allDirectories { pending.add(directory: directory, names: nil) }
            return nil
        }
        guard let watched = directories[event.watch] else { return nil }
        if event.mask & Self.selfEvents != 0 {
            for directory in watched { pending.add(directory: directory, names: nil) }
            if event.mask & UInt32(IN_IGNORED) != 0 { directories[event.watch] = nil }
            return event.mask & UInt32(IN_MOVE_SELF) != 0 ? event.watch : nil
        }
        for directory in watched { pending.add(directory: directory, names: event.name.map { [$0] }) }
        return nil
    }
}
#endif
