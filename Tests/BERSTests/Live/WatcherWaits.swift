import BERSTestSupport
import Foundation
import Testing

@testable import BERS

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The changes `watcher` sends until one satisfies `predicate` (included), or `nil` when none does
/// within `deadline` (or the sequence ends first).
func changes(
    from watcher: any DirectoryWatching,
    within deadline: Duration = .seconds(2),
    until predicate: @escaping @Sendable (DirectoryChange) -> Bool
) async -> [DirectoryChange]? {
    await withDeadline(deadline) {
        var received: [DirectoryChange] = []
        for await change in watcher.changes {
            received.append(change)
            if predicate(change) { return received }
        }
        return nil
    }
}

/// Waits for a change of `directory` that may concern `name`.
func change(
    from watcher: any DirectoryWatching,
    in directory: String,
    concerning name: String
) async -> DirectoryChange? {
    await changes(from: watcher) { $0.directory == directory && $0.mayConcern(name) }?.last
}

/// Replaces the contents of the file in place, as `cp` does: truncate, then write.
func overwriteInPlace(_ path: String, _ text: String) throws {
    let descriptor = open(path, O_WRONLY | O_TRUNC)
    guard descriptor >= 0 else { throw POSIXError(.EIO) }
    defer { close(descriptor) }
    let bytes = Array(text.utf8)
    #expect(bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) } == bytes.count)
}
