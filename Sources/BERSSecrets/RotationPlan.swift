#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import BERS
import Foundation

/// One file's rotation, computed and not yet written: ``SecretRotation/plan(fileAtPath:scope:fileSystem:)``
/// opens every value first, so a value that does not open stops everything before any write.
public struct RotationPlan: Sendable {
    /// The file.
    public let path: String
    /// How many values are re-encrypted.
    public let count: Int
    /// The file's bytes now.
    public let original: [UInt8]
    /// The bytes to write.
    public let rotated: [UInt8]
    /// The values left as they are (other environments' values in a shared layer).
    public let left: [RotationLeftValue]

    /// Whether writing changes the file (it has encrypted values).
    public var changesFile: Bool { count > 0 }

    /// Writes the plan: a backup of the file, then the file.
    ///
    /// The original goes to `<file>.bak-<UTC time YYYYMMDDTHHMMSSZ>` (a new file with the
    /// original's mode; `-2`, `-3`… are added if that name is taken), then the file is replaced
    /// atomically, keeping its mode. A file without encrypted values is left alone.
    ///
    /// - Returns: The backup's path, or `nil` when nothing was written.
    /// - Throws: ``ConfigError`` `config.write-failed`; when the backup cannot be written the file
    ///   is untouched.
    @discardableResult
    public func write(date: Date = Date()) throws(ConfigError) -> String? {
        guard changesFile else { return nil }
        let mode = Self.mode(of: path)
        let backup = try writeBackup(named: Self.backupPath(for: path, date: date), mode: mode)
        try PrivateFileWriter.write(rotated, toPath: path, mode: mode, replacing: true)
        return backup
    }

    /// `<path>.bak-YYYYMMDDTHHMMSSZ`, the time in UTC.
    public static func backupPath(for path: String, date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let day = "\(parts.tm_year + 1900)\(two(parts.tm_mon + 1))\(two(parts.tm_mday))"
        return "\(path).bak-\(day)T\(two(parts.tm_hour))\(two(parts.tm_min))\(two(parts.tm_sec))Z"
    }

    /// Writes the original bytes to `name` (or `name-2`… when taken); returns the path used.
    private func writeBackup(named name: String, mode: mode_t) throws(ConfigError) -> String {
        for attempt in 1...100 {
            let candidate = attempt == 1 ? name : "\(name)-\(attempt)"
            if LocalFileSystem().itemKind(atPath: candidate) != .missing { continue }
            do {
                try PrivateFileWriter.write(original, toPath: candidate, mode: mode, replacing: false)
                return candidate
            } catch  where LocalFileSystem().itemKind(atPath: candidate) != .missing {
                continue
            }
        }
        throw ConfigError(.writeFailed, "cannot back up \(path): \(name) and 99 others exist; nothing was written")
    }

    /// The permission bits of the file at `path` (0600 when unknown).
    private static func mode(of path: String) -> mode_t {
        LocalFileSystem().permissions(atPath: path).map { mode_t($0) } ?? 0o600
    }
}

extension SecretRotation {
    /// The rotation of the file at `path` for `context`, computed in memory.
    ///
    /// - Throws: ``ConfigError`` `config.unreadable` when the file cannot be read, and
    ///   `secret.unknown-key` or `secret.cannot-decrypt` (naming the file and the key id) when a
    ///   value does not open.
    public func plan(
        fileAtPath path: String,
        context: SecretContext,
        fileSystem: any FileSystem = LocalFileSystem()
    ) throws(ConfigError) -> RotationPlan {
        try plan(fileAtPath: path, scope: .only(context), fileSystem: fileSystem)
    }

    /// The rotation of the file at `path` for `scope`, computed in memory.
    ///
    /// - Throws: ``ConfigError`` `config.unreadable` when the file cannot be read, and
    ///   `secret.unknown-key` or `secret.cannot-decrypt` (naming the file and the key id) when a
    ///   value neither opens for the scope nor belongs to others.
    public func plan(
        fileAtPath path: String,
        scope: RotationScope,
        fileSystem: any FileSystem = LocalFileSystem()
    ) throws(ConfigError) -> RotationPlan {
        let original = try fileSystem.contents(atPath: path)
        let result = try rotate(original, scope: scope, file: path)
        return RotationPlan(
            path: path,
            count: result.count,
            original: original,
            rotated: result.bytes,
            left: result.left
        )
    }
}
