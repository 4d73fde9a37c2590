#if os(Linux)
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// An inotify descriptor with one watch per directory, and which directories each watch stands
/// for (two spellings of one directory share a watch).
struct InotifyWatchSet: Sendable {
    /// Why the set could not be made: the message, and the `errno` behind it.
    struct Failure: Error {
        /// The error to report.
        let error: ConfigError
        /// The `errno` value.
        let code: Int32

        /// Whether a per-user inotify limit was reached (instances or watches), where polling can
        /// still do the job.
        var isInotifyLimit: Bool { code == EMFILE || code == ENOSPC }
    }

    /// What every watch asks for.
    ///
    /// Not `IN_DONT_FOLLOW`: a directory given through a symbolic
    /// link is watched where the link points. A ConfigMap update renames the `..data_tmp` link
    /// over `..data` inside the directory, which the watch sees as `IN_MOVED_TO ..data`.
    static let mask = UInt32(
        IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB
            | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR
    )

    /// The non-blocking, close-on-exec inotify descriptor.
    let descriptor: Int32
    /// The directories of each watch.
    let directories: [Int32: [String]]

    /// Watches every directory of `directories` (duplicates once); closes everything on failure.
    static func open(_ directories: [String]) throws(Failure) -> InotifyWatchSet {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else {
            throw failure("cannot watch \(directories.joined(separator: ", "))")
        }
        var watches: [Int32: [String]] = [:]
        for directory in directories where !(watches.values.contains { $0.contains(directory) }) {
            let watch = inotify_add_watch(descriptor, directory, mask)
            guard watch >= 0 else {
                let failure = failure("cannot watch \(directory)")
                _ = closeDescriptor(descriptor)
                throw failure
            }
            watches[watch, default: []].append(directory)
        }
        return InotifyWatchSet(descriptor: descriptor, directories: watches)
    }

    private static func failure(_ message: String) -> Failure {
        let code = errno
        return Failure(error: ConfigError(.unreadable, "\(message): \(LocalFileSystem.lastErrorText())"), code: code)
    }
}
#endif
