@testable import BERS
import BERSTestSupport
import Foundation
import Testing

/// Which directories a live configuration watches when its files or its directory are reached
/// through symbolic links (``LinkTrail``, ``WatchedDirectories``), on real directories.
struct WatchedDirectoriesTests {
    private let disk = LocalFileSystem()

    @Test func aPathWithoutLinksHasAnEmptyTrail() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        try root.write("config/default.json", "{}")
        let trail = LinkTrail.follow(root.path + "/config/./default.json", in: disk)
        #expect(trail == LinkTrail(linkFolders: [], destination: root.path + "/config/default.json"))
    }

    @Test func everyHopOfAChainIsOnTheTrail() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        try root.write("final/default.json", "{}")
        try root.write("config/bers.json", "{}")
        try FileManager.default.createDirectory(atPath: root.path + "/hop", withIntermediateDirectories: false)
        SymbolicLinks.link(root.path + "/hop/default.json", to: "../final/default.json")
        SymbolicLinks.link(root.path + "/config/default.json", to: root.path + "/hop/default.json")
        let trail = LinkTrail.follow(root.path + "/config/default.json", in: disk)
        #expect(trail.linkFolders == [root.path + "/config", root.path + "/hop"])
        #expect(trail.destination == root.path + "/final/default.json")
    }

    @Test func aLinkedAncestorIsOnTheTrail() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        try root.write("releases/v1/config/bers.json", "{}")
        SymbolicLinks.link(root.path + "/current", to: "releases/v1")
        let trail = LinkTrail.follow(root.path + "/current/config", in: disk)
        #expect(trail.linkFolders == [root.path])
        #expect(trail.destination == root.path + "/releases/v1/config")
    }

    @Test func aLinkLoopEndsTheTrail() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        SymbolicLinks.link(root.path + "/a", to: "b")
        SymbolicLinks.link(root.path + "/b", to: "a")
        let trail = LinkTrail.follow(root.path + "/a", in: disk)
        #expect(trail.linkFolders.count == LinkTrail.maximumHops)
    }

    @Test func aRelativePathStaysRelative() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        try root.write("ext/default.json", "{}")
        try root.write("config/bers.json", "{}")
        SymbolicLinks.link(root.path + "/config/default.json", to: "../ext/default.json")
        let base = try #require(PathText.relative(from: disk.currentDirectoryPath, to: root.path))
        let trail = LinkTrail.follow(base + "/config/default.json", in: disk)
        #expect(trail.linkFolders == [base + "/config"])
        #expect(trail.destination == base + "/ext/default.json")
    }

    @Test func theFoldersOfLinkedLayersAreWatched() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        try root.write("config/bers.json", "{}")
        try root.write("ext/default.json", "{}")
        SymbolicLinks.link(root.path + "/config/default.json", to: root.path + "/ext/default.json")
        let config = root.path + "/config"
        let watched = WatchedDirectories.of(
            directory: config,
            files: [config + "/bers.json", config + "/default.json"],
            in: disk
        )
        #expect(watched.paths == [config, root.path + "/ext"])
        #expect(watched.destinations == watched.paths.map(disk.canonicalPath))
    }

    @Test func aSwappedDirectoryLinkChangesWhereTheWatchedDirectoriesLead() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        for release in ["v1", "v2"] { try root.write("releases/\(release)/default.json", "{}") }
        SymbolicLinks.link(root.path + "/current", to: "releases/v1")
        let config = root.path + "/current"
        func watched() -> WatchedDirectories {
            WatchedDirectories.of(directory: config, files: [config + "/default.json"], in: disk)
        }
        let before = watched()
        #expect(before.paths == [config, root.path])
        SymbolicLinks.swap(config, to: "releases/v2")
        let after = watched()
        #expect(after.paths == before.paths)
        #expect(after.destinations.first == disk.canonicalPath(root.path + "/releases/v2"))
        #expect(after != before)
    }

    @Test func aConfigMapWatchesItsCurrentVersionBesideTheDirectory() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let configMap = ConfigMapDirectory(path: root.path)
        try configMap.publish(version: "..2026_12_07_10_00_00.1", text: "{}")
        let watched = WatchedDirectories.of(directory: root.path, files: [root.path + "/default.json"], in: disk)
        #expect(watched.paths == [root.path, root.path + "/..2026_12_07_10_00_00.1"])
    }

    @Test func aFileSystemWithoutLinksWatchesTheFoldersOfItsFiles() throws {
        let memory = InMemoryFileSystem(["config/default.json": "{}", "config/schemas/app.json": "{}"])
        let watched = WatchedDirectories.of(
            directory: "config",
            files: ["config/default.json", "config/schemas/app.json"],
            in: memory
        )
        #expect(watched.paths == ["config", "config/schemas"])
        #expect(watched.destinations == ["/config", "/config/schemas"])
    }
}
