/// The changes a ``DirectoryWatching`` reports, in order; the sequence ends after the watcher's
/// `stop()`.
///
/// Meant for one consumer: several iterators share the changes, each change going to one of them.
/// A consumer that falls behind receives merged changes (one per directory), never fewer
/// directories than changed.
public struct DirectoryChanges: AsyncSequence, Sendable {
    /// A change notification.
    public typealias Element = DirectoryChange
    /// Waiting for a change never fails.
    public typealias Failure = Never

    private let queue: DirectoryChangeQueue

    init(queue: DirectoryChangeQueue) { self.queue = queue }

    /// Takes changes from the queue; `next()` returns `nil` once the watcher stopped (or when the
    /// waiting task is cancelled).
    public struct AsyncIterator: AsyncIteratorProtocol, Sendable {
        /// A change notification.
        public typealias Element = DirectoryChange
        /// Waiting for a change never fails.
        public typealias Failure = Never

        fileprivate let queue: DirectoryChangeQueue

        /// The next change, waiting for one; `nil` at the end.
        public mutating func next() async -> DirectoryChange? {
            await queue.next()
        }

        /// The next change, waiting for one; `nil` at the end.
        public mutating func next(isolation actor: isolated (any Actor)?) async -> DirectoryChange? {
            await queue.next()
        }
    }

    /// An iterator over the changes.
    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(queue: queue) }
}
