import BERSTestSupport
import Foundation
import Synchronization
import Testing

@testable import BERS

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `LocalFileSystem`'s atomic write on the real disk, with one system call of it failing.
///
/// The temporary file cannot be created, the disk fills half way (short writes, then `ENOSPC`),
/// `fsync` fails, `rename` fails. Every time: `config.write-failed`, the old file untouched,
/// no temporary file left.
@Suite struct AtomicWriteFaultTests {
    /// Seams failing every `call` on paths ending with `suffix` with `code`, writing 3 bytes at a
    /// time so that a failing `write` leaves a partial temporary file behind it.
    static func failing(_ call: WriteSeams.Call, _ code: Int32, suffix: String = "") -> LocalFileSystem {
        let writes = Mutex(0)
        return LocalFileSystem(
            seams: WriteSeams(maxBytesPerWrite: 3) { candidate, path in
                guard candidate == call, path.hasSuffix(suffix) else { return nil }
                // The disk fills after the first chunk: a partial temporary file exists then.
                if call == .write {
                    return writes.withLock {
                        $0 += 1
                        return $0
                    } > 1 ? code : nil
                }
                return code
            }
        )
    }

    static let faults: [(WriteSeams.Call, Int32, String)] = [
        (.createTemporary, EACCES, "Permission denied"),
        (.createTemporary, ENOSPC, "No space left on device"),
        (.write, ENOSPC, "No space left on device"),
        (.write, EIO, "Input/output error"),
        (.fsync, EIO, "Input/output error"),
        (.rename, EXDEV, "Invalid cross-device link"),
        (.rename, EACCES, "Permission denied"),
    ]

    @Test(arguments: 0..<faults.count, [true, false])
    func aFailedWriteLeavesTheOldFileAndNoTemporary(fault: Int, fileExists: Bool) throws {
        let (call, code, reason) = Self.faults[fault]
        let folder = try TemporaryDirectory(prefix: "bers-atomic")
        defer { folder.remove() }
        if fileExists { try folder.write("app.json", #"{"old": true}"#) }
        let before = DiskSnapshot(folder.path)
        let error = #expect(throws: ConfigError.self) {
            try Self.failing(call, code)
                .write(Array(#"{"new": "a longer document than the old one"}"#.utf8), toPath: folder.path + "/app.json")
        }
        #expect(error?.code == .writeFailed)
        #expect(error?.message == "cannot write \(folder.path)/app.json: \(reason); nothing was written")
        #expect(DiskSnapshot(folder.path) == before)
    }

    @Test func shortWritesWithoutFailuresWriteEveryByte() throws {
        let folder = try TemporaryDirectory(prefix: "bers-atomic")
        defer { folder.remove() }
        let files = LocalFileSystem(seams: WriteSeams(maxBytesPerWrite: 1) { _, _ in nil })
        let text = String(repeating: "0123456789", count: 50)
        try files.write(Array(text.utf8), toPath: folder.path + "/app.json")
        #expect(DiskSnapshot(folder.path).files == ["app.json": Array(text.utf8)])
    }

    @Test func aFailedDirectoryCreationIsAWriteFailure() throws {
        let folder = try TemporaryDirectory(prefix: "bers-atomic")
        defer { folder.remove() }
        let error = #expect(throws: ConfigError.self) {
            try Self.failing(.createDirectory, ENOSPC).createDirectory(atPath: folder.path + "/out")
        }
        #expect(error?.code == .writeFailed)
        #expect(error?.message == "cannot create directory \(folder.path)/out: No space left on device")
        #expect(LocalFileSystem().itemKind(atPath: folder.path + "/out") == .missing)
    }
}

/// `writeAll` on the real disk: whichever step fails for whichever file, every file is as it
/// was and nothing is left behind (regression tests for finding F1: a failed second rename used to
/// leave the first file replaced).
@Suite struct WriteAllFaultTests {
    static let names = ["a.json", "b.json", "c.json"]

    /// A folder where `a.json` and `b.json` exist and `c.json` does not.
    private func makeFolder() throws -> (TemporaryDirectory, [(path: String, bytes: [UInt8])]) {
        let folder = try TemporaryDirectory(prefix: "bers-write-all")
        try folder.write("a.json", "old a")
        try folder.write("b.json", "old b")
        let files = Self.names.map { (path: folder.path + "/" + $0, bytes: Array("new \($0)".utf8)) }
        return (folder, files)
    }

    @Test(arguments: [WriteSeams.Call.createTemporary, .write, .fsync, .keepOld, .rename], names)
    func aFailureForAnyFileChangesNoFile(call: WriteSeams.Call, failing name: String) throws {
        // keepOld only happens for files that exist.
        guard call != .keepOld || name != "c.json" else { return }
        let (folder, files) = try makeFolder()
        defer { folder.remove() }
        let before = DiskSnapshot(folder.path)
        let error = #expect(throws: ConfigError.self) {
            try AtomicWriteFaultTests.failing(call, ENOSPC, suffix: "/" + name).writeAll(files)
        }
        #expect(error?.code == .writeFailed)
        #expect(error?.message.hasSuffix("nothing was written") == true, "\(error?.message ?? "")")
        #expect(DiskSnapshot(folder.path) == before, "\(DiskSnapshot(folder.path))")
    }

    @Test func withoutFailuresEveryFileIsReplacedAndNothingIsLeft() throws {
        let (folder, files) = try makeFolder()
        defer { folder.remove() }
        try LocalFileSystem().writeAll(files)
        let after = DiskSnapshot(folder.path)
        #expect(after.files.keys.sorted() == Self.names)
        #expect(Self.names.allSatisfy { after.text($0) == "new \($0)" })
    }

    @Test func aFileThatCannotBePutBackIsNamedWithWhereItsContentIs() throws {
        let (folder, files) = try makeFolder()
        defer { folder.remove() }
        let seams = LocalFileSystem(
            seams: WriteSeams { call, path in
                (call == .rename && path.hasSuffix("/c.json")) || call == .restore ? EIO : nil
            }
        )
        let error = #expect(throws: ConfigError.self) { try seams.writeAll(files) }
        #expect(error?.code == .writeFailed)
        #expect(error?.message.contains("files written before it could not be put back") == true)
        let after = DiskSnapshot(folder.path)
        // a and b are new; their old contents are kept beside them, named in the message.
        #expect(after.text("a.json") == "new a.json")
        let kept = after.leftovers
        #expect(kept.count == 2)
        #expect(Set(kept.compactMap { after.text($0) }) == ["old a", "old b"])
        #expect(kept.allSatisfy { error?.message.contains($0) == true })
    }
}

/// Faults the real disk gives without injection: a directory where a file is expected, a
/// missing folder, a read-only folder.
@Suite struct RealDiskFaultTests {
    @Test func writingOverADirectoryFailsAndLeavesIt() throws {
        let folder = try TemporaryDirectory(prefix: "bers-real-disk")
        defer { folder.remove() }
        try folder.write("app.json/inside.txt", "kept")
        let before = DiskSnapshot(folder.path)
        let error = #expect(throws: ConfigError.self) {
            try LocalFileSystem().write(Array("{}".utf8), toPath: folder.path + "/app.json")
        }
        #expect(error?.code == .writeFailed)
        #expect(error?.message == "cannot write \(folder.path)/app.json: Is a directory; nothing was written")
        #expect(DiskSnapshot(folder.path) == before)
    }

    @Test func writeAllWithADirectoryInTheWayChangesNoFile() throws {
        let folder = try TemporaryDirectory(prefix: "bers-real-disk")
        defer { folder.remove() }
        try folder.write("a.json", "old a")
        try folder.write("b.json/inside.txt", "kept")
        let before = DiskSnapshot(folder.path)
        let error = #expect(throws: ConfigError.self) {
            try LocalFileSystem()
                .writeAll([
                    (folder.path + "/a.json", Array("new a".utf8)), (folder.path + "/b.json", Array("new b".utf8)),
                ])
        }
        #expect(error?.code == .writeFailed)
        #expect(DiskSnapshot(folder.path) == before)
    }

    @Test func readingADirectoryIsUnreadable() throws {
        let folder = try TemporaryDirectory(prefix: "bers-real-disk")
        defer { folder.remove() }
        try folder.write("app.json/inside.txt", "kept")
        let error = #expect(throws: ConfigError.self) {
            try LocalFileSystem().contents(atPath: folder.path + "/app.json")
        }
        #expect(error?.code == .unreadable)
        #expect(error?.message == "cannot read \(folder.path)/app.json: it is a directory")
    }

    @Test(.enabled(if: geteuid() != 0, "runs as root: permission bits are not enforced; EACCES is injected instead"))
    func aReadOnlyFolderRefusesTheWriteAndKeepsTheFile() throws {
        let folder = try TemporaryDirectory(prefix: "bers-real-disk")
        defer {
            chmod(folder.path, 0o700)
            folder.remove()
        }
        try folder.write("app.json", "old")
        chmod(folder.path, 0o500)
        let error = #expect(throws: ConfigError.self) {
            try LocalFileSystem().write(Array("new".utf8), toPath: folder.path + "/app.json")
        }
        #expect(error?.code == .writeFailed)
        #expect(error?.message.contains("Permission denied") == true)
        chmod(folder.path, 0o700)
        #expect(DiskSnapshot(folder.path).files == ["app.json": Array("old".utf8)])
    }

    @Test(.enabled(if: geteuid() != 0, "runs as root: permission bits are not enforced; EACCES is injected instead"))
    func anUnreadableFileIsUnreadable() throws {
        let folder = try TemporaryDirectory(prefix: "bers-real-disk")
        defer { folder.remove() }
        let file = try folder.write("app.json", "{}")
        chmod(file.path, 0o000)
        let error = #expect(throws: ConfigError.self) { try LocalFileSystem().contents(atPath: file.path) }
        #expect(error?.code == .unreadable)
        #expect(error?.message.contains("Permission denied") == true)
    }
}
