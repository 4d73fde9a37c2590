import BERS
import BERSSecrets
import BERSTestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `bers secret keygen` writing its key file where the real disk refuses it.
///
/// A directory where the file goes, a missing folder, a read-only folder:
/// `config.write-failed`, nothing written, no temporary file left. The key file is written by
/// its own POSIX writer, not through `FileSystem`, so these faults are the real disk's.
@Suite struct KeyFileFaultTests {
    @Test(arguments: [false, true])
    func aDirectoryWhereTheKeyGoesIsAWriteFailure(replacing: Bool) throws {
        let folder = try TemporaryDirectory(prefix: "bers-keygen-faults")
        defer { folder.remove() }
        try folder.write("prod.key/keep.txt", "kept")
        let before = DiskSnapshot(folder.path)
        let error = #expect(throws: ConfigError.self) {
            try SecretKeyFile.write(SecretKey.generate(), toPath: folder.path + "/prod.key", replacing: replacing)
        }
        #expect(error?.code == .writeFailed)
        #expect(error?.message.hasSuffix("nothing was written") == true, "\(error?.message ?? "")")
        #expect(DiskSnapshot(folder.path) == before)
    }

    @Test func aMissingFolderIsAWriteFailure() throws {
        let folder = try TemporaryDirectory(prefix: "bers-keygen-faults")
        defer { folder.remove() }
        let error = #expect(throws: ConfigError.self) {
            try SecretKeyFile.write(SecretKey.generate(), toPath: folder.path + "/missing/prod.key")
        }
        #expect(error?.code == .writeFailed)
        #expect(error?.message.contains("No such file or directory") == true)
        #expect(DiskSnapshot(folder.path).files.isEmpty)
    }

    @Test(.enabled(if: geteuid() != 0, "runs as root: permission bits are not enforced, so EACCES cannot be produced"))
    func aReadOnlyFolderIsAWriteFailureAndKeepsTheOldKey() throws {
        let folder = try TemporaryDirectory(prefix: "bers-keygen-faults")
        defer {
            chmod(folder.path, 0o700)
            folder.remove()
        }
        let path = folder.path + "/prod.key"
        let old = SecretKey.generate()
        try SecretKeyFile.write(old, toPath: path)
        chmod(folder.path, 0o500)
        let error = #expect(throws: ConfigError.self) {
            try SecretKeyFile.write(SecretKey.generate(), toPath: path, replacing: true)
        }
        #expect(error?.code == .writeFailed)
        #expect(error?.message.contains("Permission denied") == true)
        chmod(folder.path, 0o700)
        #expect(try SecretKeyFile(contentsOfFile: path).key == old)
        #expect(DiskSnapshot(folder.path).leftovers.isEmpty)
    }
}
