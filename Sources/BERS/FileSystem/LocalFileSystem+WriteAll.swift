#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension LocalFileSystem {
    /// Writes several files so that none changes unless all could be written: every file goes to
    /// a temporary file beside it first; with several files, each existing one is also kept under
    /// a second name (a hard link) until all are renamed into place, so that a rename failing
    /// part way puts back the files renamed before it.
    ///
    /// An existing file keeps its permission bits; a new one gets 0666 less the umask, as any
    /// program creating it would. No temporary file is left behind.
    ///
    /// - Throws: ``ConfigError`` `config.write-failed`; every file is then as it was (should
    ///   putting one back fail too, the message names it and where its old content is).
    public func writeAll(_ files: [(path: String, bytes: [UInt8])]) throws(ConfigError) {
        try writeAll(files.map { ($0.path, $0.bytes, nil) })
    }

    /// ``writeAll(_:)`` giving each file `mode` (when not `nil`) instead of the mode its path has.
    func writeAll(_ files: [(path: String, bytes: [UInt8], mode: mode_t?)]) throws(ConfigError) {
        var staged: [StagedFile] = []
        do {
            for (path, bytes, mode) in files {
                staged.append(StagedFile(path: path, temporary: try writeTemporary(bytes, beside: path, mode: mode)))
            }
            if staged.count > 1 {
                for index in staged.indices { staged[index].kept = try keepOld(staged[index].path) }
            }
        } catch {
            discard(staged[...])
            throw error
        }
        for (index, file) in staged.enumerated()
        where failsByInjection(.rename, file.path) || rename(file.temporary, file.path) != 0 {
            throw rollBack(staged, failedAt: index, reason: Self.lastErrorText())
        }
        for file in staged { if let kept = file.kept { unlink(kept) } }
        for directory in Set(staged.map { Self.directory(of: $0.path) }) {
            let descriptor = open(directory, O_RDONLY | O_CLOEXEC)
            if descriptor >= 0 {
                fsync(descriptor)
                close(descriptor)
            }
        }
    }

    /// Links the file at `path` (when something is there) to a new name beside it; returns that
    /// name.
    private func keepOld(_ path: String) throws(ConfigError) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        let suffix = String(UInt64.random(in: .min ... .max), radix: 36)
        let kept = joinPath(Self.directory(of: path), ".\(Self.fileName(of: path)).bers-old-\(suffix)")
        guard !failsByInjection(.keepOld, path), link(path, kept) == 0 else {
            throw ConfigError(
                .writeFailed,
                "cannot write \(path): cannot keep the old file while replacing it (\(Self.lastErrorText())); nothing was written"
            )
        }
        return kept
    }

    /// Puts back the files renamed before `index` (removing the ones that are new), removes
    /// every temporary file and kept link left, and returns the error to throw.
    private func rollBack(_ staged: [StagedFile], failedAt index: Int, reason: String) -> ConfigError {
        var unrestored: [String] = []
        for file in staged[..<index].reversed() {
            guard let kept = file.kept else {
                unlink(file.path)
                continue
            }
            if failsByInjection(.restore, file.path) || rename(kept, file.path) != 0 {
                unrestored.append("\(file.path) (its old content is in \(kept): \(Self.lastErrorText()))")
            }
        }
        discard(staged[index...])
        let path = staged[index].path
        guard unrestored.isEmpty else {
            return ConfigError(
                .writeFailed,
                "cannot write \(path): \(reason); files written before it could not be put back: "
                    + unrestored.joined(separator: ", ")
            )
        }
        return ConfigError(.writeFailed, "cannot write \(path): \(reason); nothing was written")
    }

    /// Removes the temporary files and kept links of files not renamed into place.
    private func discard(_ files: ArraySlice<StagedFile>) {
        for file in files {
            unlink(file.temporary)
            if let kept = file.kept { unlink(kept) }
        }
    }
}

/// A file of ``LocalFileSystem/writeAll(_:)`` under way: its target, its temporary file, and
/// where its old content is kept while others are renamed.
private struct StagedFile {
    let path: String
    let temporary: String
    var kept: String?
}
