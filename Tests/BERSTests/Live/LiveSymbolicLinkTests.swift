@testable import BERS
import BERSTestSupport
import Foundation
import Testing

/// Layer files and config directories reached through symbolic links, followed by a live
/// configuration through each real watcher (inotify on Linux, polling): both must see the same.
struct LiveSymbolicLinkTests {
    /// A layer file linked to a file of another directory: editing the target reloads.
    @Test(arguments: WatcherKind.available)
    func aLayerLinkedIntoAnotherDirectoryIsFollowed(kind: WatcherKind) async throws {
        let project = try LiveProject()
        let outside = try TemporaryDirectory(prefix: "bers-ext")
        defer {
            project.remove()
            outside.remove()
        }
        try outside.write("default.json", LiveProject.layer(timeout: 5000))
        try SymbolicLinks.replaceFile(project.path + "/default.json", byLinkTo: outside.path + "/default.json")
        let live = try LiveConfiguration.start(
            directory: project.path,
            environment: .production,
            makeWatcher: kind.factory
        )
        defer { live.stop() }
        try outside.write("default.json", LiveProject.layer(timeout: 7000))
        #expect(await live.waitForTimeout(7000))
    }

    /// A chain of links through two other directories: editing the last target reloads, and so
    /// does retargeting the middle link; the new target is then followed too.
    @Test(arguments: WatcherKind.available)
    func everyHopOfALinkChainIsFollowed(kind: WatcherKind) async throws {
        let project = try LiveProject()
        let hops = try TemporaryDirectory(prefix: "bers-hops")
        let outside = try TemporaryDirectory(prefix: "bers-ext")
        defer {
            for directory in [project.directory, hops, outside] { directory.remove() }
        }
        try outside.write("v1/default.json", LiveProject.layer(timeout: 5000))
        try outside.write("v2/default.json", LiveProject.layer(timeout: 6000))
        SymbolicLinks.link(hops.path + "/default.json", to: outside.path + "/v1/default.json")
        try SymbolicLinks.replaceFile(project.path + "/default.json", byLinkTo: hops.path + "/default.json")
        let live = try LiveConfiguration.start(
            directory: project.path,
            environment: .production,
            makeWatcher: kind.factory
        )
        defer { live.stop() }
        try outside.write("v1/default.json", LiveProject.layer(timeout: 5500))
        #expect(await live.waitForTimeout(5500))
        SymbolicLinks.swap(hops.path + "/default.json", to: "\(outside.path)/v2/default.json")
        #expect(await live.waitForTimeout(6000))
        try outside.write("v2/default.json", LiveProject.layer(timeout: 7000))
        #expect(await live.waitForTimeout(7000))
    }

    /// The layer link itself retargeted to a file of a third directory: the reload applies it and
    /// the new target is followed from then on.
    @Test(arguments: WatcherKind.available)
    func aRetargetedLayerLinkIsFollowedToItsNewTarget(kind: WatcherKind) async throws {
        let project = try LiveProject()
        let first = try TemporaryDirectory(prefix: "bers-ext")
        let second = try TemporaryDirectory(prefix: "bers-ext")
        defer {
            for directory in [project.directory, first, second] { directory.remove() }
        }
        try first.write("default.json", LiveProject.layer(timeout: 5000))
        try second.write("default.json", LiveProject.layer(timeout: 6000))
        try SymbolicLinks.replaceFile(project.path + "/default.json", byLinkTo: first.path + "/default.json")
        let live = try LiveConfiguration.start(
            directory: project.path,
            environment: .production,
            makeWatcher: kind.factory
        )
        defer { live.stop() }
        SymbolicLinks.swap(project.path + "/default.json", to: second.path + "/default.json")
        #expect(await live.waitForTimeout(6000))
        try second.write("default.json", LiveProject.layer(timeout: 7000))
        #expect(await live.waitForTimeout(7000))
    }

    /// Where the config directory sits in a Capistrano-style release tree.
    enum ReleasePlace: String, CaseIterable, Sendable {
        /// The config directory is the `current` link itself.
        case linkItself
        /// The config directory is a folder inside the linked release (`current/config`).
        case insideTheLink
    }

    /// A config directory reached through a `current -> releases/v1` link swapped to
    /// `releases/v2` with a rename: the reload reads v2, and v2 is watched from then on.
    @Test(arguments: WatcherKind.available, ReleasePlace.allCases)
    func aSwappedReleaseLinkIsFollowed(kind: WatcherKind, place: ReleasePlace) async throws {
        let root = try TemporaryDirectory(prefix: "bers-cap")
        defer { root.remove() }
        let folder = place == .linkItself ? "" : "/config"
        try LiveProject.write(into: root, folder: "releases/v1" + folder, timeout: 5000)
        try LiveProject.write(into: root, folder: "releases/v2" + folder, timeout: 6000)
        SymbolicLinks.link(root.path + "/current", to: "releases/v1")
        let live = try LiveConfiguration.start(
            directory: root.path + "/current" + folder,
            environment: .production,
            makeWatcher: kind.factory
        )
        defer { live.stop() }
        #expect(try live.current.configuration.int("api.timeout") == 5000)
        SymbolicLinks.swap(root.path + "/current", to: "releases/v2")
        #expect(await live.waitForTimeout(6000))
        try root.write("releases/v2\(folder)/default.json", LiveProject.layer(timeout: 7000))
        #expect(await live.waitForTimeout(7000))
    }

    /// A ConfigMap volume (files linked through `..data`) updated twice, old versions removed:
    /// both watchers follow each update.
    @Test(arguments: WatcherKind.available)
    func configMapUpdatesAreFollowedByBothWatchers(kind: WatcherKind) async throws {
        let directory = try TemporaryDirectory(prefix: "bers-configmap")
        defer { directory.remove() }
        let configMap = ConfigMapDirectory(path: directory.path)
        try configMap.publish(version: "..2026_12_07_10_00_00.1", text: LiveProject.layer(timeout: 1000))
        let live = try LiveConfiguration.start(
            directory: directory.path,
            environment: .production,
            makeWatcher: kind.factory
        )
        defer { live.stop() }
        try configMap.publish(version: "..2026_12_07_10_05_00.2", text: LiveProject.layer(timeout: 2000))
        #expect(await live.waitForTimeout(2000))
        try configMap.publish(version: "..2026_12_07_10_10_00.3", text: LiveProject.layer(timeout: 3000))
        #expect(await live.waitForTimeout(3000))
    }
}
