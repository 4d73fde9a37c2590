/// Something that tells a reloader "something changed in one of these directories".
///
/// ``DirectoryWatcher/make(directories:pollInterval:)`` picks the implementation for the platform;
/// tests of reloaders can implement it with a ``DirectoryChangeQueue`` of their own.
public protocol DirectoryWatching: Sendable {
    /// The changes, in order; the sequence ends after ``stop()``.
    var changes: DirectoryChanges { get }

    /// Stops watching: releases the thread and descriptors, then ends ``changes`` (changes
    /// already pending are still delivered). Idempotent; returns once everything is released.
    func stop()
}
