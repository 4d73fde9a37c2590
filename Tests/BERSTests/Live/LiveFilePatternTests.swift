@testable import BERS
import BERSTestSupport
import Foundation
import Testing

/// How files really change, followed through the platform's watcher (inotify on Linux).
struct LiveFilePatternTests {
    enum Pattern: String, CaseIterable, Sendable {
        case editorRename, truncateAndWrite, deleteAndRecreate, newLocalFile
    }

    @Test(arguments: Pattern.allCases)
    func eachWayOfChangingAFileIsFollowed(_ pattern: Pattern) async throws {
        let project = try LiveProject()
        defer { project.remove() }
        let live = try LiveConfiguration.start(directory: project.path, environment: .production)
        defer { live.stop() }
        let file = project.path + "/default.json"
        let text = #"{"api": {"timeout": 7000}, "name": "app"}"#
        switch pattern {
        case .editorRename:
            try project.write(".default.json.swp", text)
            try FileManager.default.moveItem(atPath: project.path + "/.default.json.swp", toPath: file + ".tmp")
            _ = rename(file + ".tmp", file)
        case .truncateAndWrite:
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
            try handle.truncate(atOffset: 0)
            try handle.write(contentsOf: Data(text.utf8))
            try handle.close()
        case .deleteAndRecreate:
            try FileManager.default.removeItem(atPath: file)
            try await Task.sleep(nanoseconds: 50_000_000)
            try project.write("default.json", text)
        case .newLocalFile:
            try project.write("local.json", #"{"api": {"timeout": 7000}}"#)
        }
        #expect(await live.waitForTimeout(7000))
    }

    @Test func aConfigMapUpdateIsFollowed() async throws {
        let directory = try TemporaryDirectory(prefix: "bers-configmap")
        defer { directory.remove() }
        let fileManager = FileManager.default
        func publish(_ version: String, timeout: Int) throws {
            try directory.write("\(version)/default.json", #"{"api": {"timeout": \#(timeout)}}"#)
            try directory.write("\(version)/bers.json", #"{"reload": {"debounce-ms": 20}}"#)
            try fileManager.createSymbolicLink(atPath: directory.path + "/..data_tmp", withDestinationPath: version)
            _ = rename(directory.path + "/..data_tmp", directory.path + "/..data")
        }
        try publish("..2026_12_04_10_00_00.1", timeout: 1000)
        for name in ["default.json", "bers.json"] {
            try fileManager.createSymbolicLink(
                atPath: directory.path + "/" + name,
                withDestinationPath: "..data/" + name
            )
        }
        let live = try LiveConfiguration.start(directory: directory.path, environment: .production)
        defer { live.stop() }
        #expect(try live.current.configuration.int("api.timeout") == 1000)
        try publish("..2026_12_04_10_05_00.2", timeout: 2000)
        try fileManager.removeItem(atPath: directory.path + "/..2026_12_04_10_00_00.1")
        #expect(await live.waitForTimeout(2000))
        #expect(live.current.number == 2)
    }
}
