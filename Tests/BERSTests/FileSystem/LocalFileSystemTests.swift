import BERS
import BERSTestSupport
import Foundation
import Testing

struct LocalFileSystemTests {
    @Test func writesAtomicallyAndReadsBack() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let fileSystem = LocalFileSystem()
        let path = directory.path + "/out.json"
        try fileSystem.write(Array("first".utf8), toPath: path)
        try fileSystem.write(Array("second".utf8), toPath: path)
        #expect(try fileSystem.contents(atPath: path) == Array("second".utf8))
        #expect(try fileSystem.contentsOfDirectory(atPath: directory.path) == ["out.json"])
        #expect(fileSystem.itemKind(atPath: path) == .file)
        #expect(fileSystem.itemKind(atPath: directory.path) == .directory)
        #expect(fileSystem.itemKind(atPath: directory.path + "/nope") == .missing)
    }

    @Test func failedWriteLeavesNothingBehind() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let error = #expect(throws: ConfigError.self) {
            try LocalFileSystem().write([1, 2, 3], toPath: directory.path + "/missing-dir/out.json")
        }
        #expect(error?.code == .writeFailed)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func readingRespectsTheSizeLimit() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("big.json", String(repeating: " ", count: 100))
        let error = #expect(throws: ConfigError.self) {
            try LocalFileSystem().contents(atPath: directory.path + "/big.json", maxBytes: 10)
        }
        #expect(error?.code == .tooLarge)
        #expect(error?.message.contains("more than the limit of 10") == true)
    }

    @Test func missingFileAndDirectoryAreUnreadable() {
        #expect(throws: ConfigError.self) { try LocalFileSystem().contents(atPath: "/nonexistent/file") }
        #expect(throws: ConfigError.self) { try LocalFileSystem().contentsOfDirectory(atPath: "/nonexistent/dir") }
        #expect(throws: ConfigError.self) { try LocalFileSystem().contents(atPath: "/") }
    }
}

struct LocalFileSystemModeTests {
    @Test func rewritingAFileKeepsItsPermissions() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("local.json", "{}")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        try LocalFileSystem().write(Array("{\"secret\": 1}".utf8), toPath: file.path)
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func writeAllChangesNothingWhenOneFileCannotBeWritten() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try directory.write("a.json", "old")
        let error = #expect(throws: ConfigError.self) {
            try LocalFileSystem()
                .writeAll([(first.path, Array("new".utf8)), (directory.path + "/missing/b.json", Array("x".utf8))])
        }
        #expect(error?.code == .writeFailed)
        #expect(try String(contentsOf: first, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["a.json"])
    }
}
