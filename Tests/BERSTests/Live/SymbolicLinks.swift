import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Symbolic links made the way deploys make them, for tests of following links.
enum SymbolicLinks {
    /// Makes the link `path` to `target` (written as given: relative targets are relative to the
    /// link's folder).
    static func link(_ path: String, to target: String) {
        #expect(symlink(target, path) == 0, "symlink \(path) -> \(target)")
    }

    /// Points the link `path` at `target` the way `ln -sfn` deploys (Capistrano) do: a new link
    /// beside it, renamed over it (`mv -T`), so the name always exists.
    static func swap(_ path: String, to target: String) {
        #expect(symlink(target, path + ".tmp") == 0, "symlink \(path).tmp -> \(target)")
        #expect(rename(path + ".tmp", path) == 0, "rename \(path).tmp over \(path)")
    }

    /// Replaces the file `path` by a link to `target`.
    static func replaceFile(_ path: String, byLinkTo target: String) throws {
        try FileManager.default.removeItem(atPath: path)
        link(path, to: target)
    }
}
