import BERSArtifacts
import BERSTestSupport
import Foundation
import Testing

@testable import BERS

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `bers build` writing to a disk that fails.
///
/// On the real disk, with one system call of `LocalFileSystem`'s write failing:
/// `build.write-failed`, every file complete, no temporary file left. Artifacts are written one by one and the manifest last, so a failure leaves the
/// artifacts before it new, the others and the manifest as they were; building again completes.
@Suite struct BuildFaultTests {
    static let files = [
        "default.json": #"{"api": {"timeout": 1000}}"#,
        "production.json": #"{"api": {"timeout": 2000}}"#,
    ]

    /// A project in `folder/config` read through `fileSystem`, and a builder for it.
    private func builder(_ folder: TemporaryDirectory, _ fileSystem: LocalFileSystem) throws -> ArtifactBuilder {
        let project = try ConfigProject(directory: folder.path + "/config", fileSystem: fileSystem)
        return try ArtifactBuilder(project: project, options: BuildOptions(bersVersion: "test"))
    }

    private func jobs(_ out: String) -> [BuildJob] {
        [Environment.development, .production]
            .map {
                BuildJob(environment: $0, reason: .explicit, format: .json, path: "\(out)/\($0.name)/config.json")
            }
    }

    private func makeFolder() throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory(prefix: "bers-build-faults")
        for (name, text) in Self.files { try folder.write("config/" + name, text) }
        return folder
    }

    /// A file system failing `call` with `code` on paths ending with `suffix`.
    private func failing(_ call: WriteSeams.Call, _ code: Int32, suffix: String) -> LocalFileSystem {
        LocalFileSystem(
            seams: WriteSeams { candidate, path in candidate == call && path.hasSuffix(suffix) ? code : nil }
        )
    }

    @Test(arguments: [WriteSeams.Call.createTemporary, .write, .fsync, .rename])
    func aFailedArtifactWriteLeavesCompleteFilesAndNoTemporary(call: WriteSeams.Call) async throws {
        let folder = try makeFolder()
        defer { folder.remove() }
        let out = folder.path + "/dist"
        _ = try await builder(folder, LocalFileSystem()).run(jobs(out), manifestDirectory: out)
        try folder.write("config/default.json", #"{"api": {"timeout": 1500}}"#)
        try folder.write("config/production.json", #"{"api": {"timeout": 2500}}"#)
        let before = DiskSnapshot(out)

        let error = await #expect(throws: BuildError.self) {
            _ = try await builder(folder, failing(call, ENOSPC, suffix: "production/config.json"))
                .run(jobs(out), manifestDirectory: out)
        }
        #expect(error?.code == .writeFailed)
        #expect(error?.message.contains("No space left on device") == true, "\(error?.message ?? "")")
        let after = DiskSnapshot(out)
        #expect(after.leftovers.isEmpty)
        #expect(after.text("development/config.json")?.contains("1500") == true)
        #expect(after.files["production/config.json"] == before.files["production/config.json"])
        #expect(after.files["bers-manifest.json"] == before.files["bers-manifest.json"])

        _ = try await builder(folder, LocalFileSystem()).run(jobs(out), manifestDirectory: out)
        #expect(DiskSnapshot(out).text("production/config.json")?.contains("2500") == true)
    }

    @Test func aFolderThatCannotBeCreatedWritesNothing() async throws {
        let folder = try makeFolder()
        defer { folder.remove() }
        let out = folder.path + "/dist"
        let error = await #expect(throws: BuildError.self) {
            _ = try await builder(folder, failing(.createDirectory, EACCES, suffix: "/dist"))
                .run(jobs(out), manifestDirectory: out)
        }
        #expect(error?.code == .writeFailed)
        #expect(error?.message.contains("Permission denied") == true)
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func aDirectoryWhereAnArtifactGoesIsAWriteFailure() async throws {
        let folder = try makeFolder()
        defer { folder.remove() }
        let out = folder.path + "/dist"
        try folder.write("dist/development/config.json/keep.txt", "kept")
        let error = await #expect(throws: BuildError.self) {
            _ = try await builder(folder, LocalFileSystem()).run(jobs(out), manifestDirectory: out)
        }
        #expect(error?.code == .writeFailed)
        #expect(error?.message.contains("Is a directory") == true, "\(error?.message ?? "")")
        #expect(DiskSnapshot(out).files.keys.sorted() == ["development/config.json/keep.txt"])
    }
}
