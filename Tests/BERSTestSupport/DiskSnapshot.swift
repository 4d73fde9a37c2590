import Foundation

/// Every file under a folder with its bytes, dot files included: two snapshots are equal when
/// nothing was written, no temporary file is left and no old content was lost.
public struct DiskSnapshot: Equatable, CustomStringConvertible {
    /// Relative path to content.
    public let files: [String: [UInt8]]

    /// The files under `root` now.
    public init(_ root: String) {
        var files: [String: [UInt8]] = [:]
        let manager = FileManager.default
        for case let relative as String in manager.enumerator(atPath: root) ?? NSEnumerator() {
            var isDirectory: ObjCBool = false
            let full = root + "/" + relative
            guard manager.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            files[relative] = manager.contents(atPath: full).map { Array($0) } ?? []
        }
        self.files = files
    }

    /// The names of temporary or kept files left by a write (`.x.bers-tmp-…`, `.x.bers-old-…`).
    public var leftovers: [String] {
        files.keys.filter { $0.contains(".bers-tmp-") || $0.contains(".bers-old-") }.sorted()
    }

    /// The text of `path`, `nil` when missing.
    public func text(_ path: String) -> String? {
        files[path].map { String(decoding: $0, as: UTF8.self) }
    }

    /// Every file and its text, one a line.
    public var description: String {
        files.keys.sorted().map { "\($0): \(text($0) ?? "")" }.joined(separator: "\n")
    }
}
