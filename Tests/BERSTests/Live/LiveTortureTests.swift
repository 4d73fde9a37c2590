@testable import BERS
import BERSJSON
import BERSTestSupport
import Foundation
import Synchronization
import Testing

/// A writer rewrites the layer file 1,000 times (valid values, malformed JSON, truncated files,
/// schema violations, deletions) while readers read the current configuration in tight loops.
struct LiveTortureTests {
    /// What the readers saw: generation numbers with their digests, and any bad read.
    final class Sightings: Sendable {
        let seen = Mutex<[Int: String]>([:])
        let problems = Mutex<[String]>([])
        let reads = Atomic<Int>(0)
        let announced = Mutex<[Int: String]>([:])
        let writing = Atomic<Bool>(true)
        let refused = Atomic<Int>(0)
    }

    /// A valid document whose two values are coupled, so that a torn configuration shows.
    static func valid(_ round: Int) -> String {
        #"{"api": {"timeout": \#(1000 + round)}, "name": "round \#(1000 + round)"}"#
    }

    static func write(round: Int, in project: LiveProject) throws {
        let path = project.path + "/default.json"
        switch round % 5 {
        case 1: try project.write("default.json", #"{"api": {"timeout": "#)
        case 2: try project.write("default.json", #"{"api": {"timeout": 5}, "name": "round 5"}"#)
        case 3: try? FileManager.default.removeItem(atPath: path)
        default: try project.write("default.json", valid(round))
        }
    }

    static func read(_ live: LiveConfiguration, into sightings: Sightings) {
        let generation = live.current
        let configuration = generation.configuration
        let timeout = (try? configuration.int("api.timeout")) ?? -1
        let name = (try? configuration.string("name")) ?? ""
        if timeout < 1000 || name != "round \(timeout)" {
            sightings.problems.withLock { $0.append("generation \(generation.number): \(timeout) / \(name)") }
        }
        let known = sightings.seen.withLock { seen in
            defer { seen[generation.number] = generation.digest }
            return seen[generation.number]
        }
        if let known, known != generation.digest {
            sightings.problems.withLock { $0.append("generation \(generation.number) changed its digest") }
        }
        sightings.reads.add(1, ordering: .relaxed)
    }

    @Test func readersNeverSeeAnInvalidTornOrUnannouncedConfiguration() async throws {
        let project = try LiveProject()
        defer { project.remove() }
        try project.write("default.json", Self.valid(0))
        let box = WatcherBox()
        let live = try box.start(project)
        defer { live.stop() }
        let sightings = Sightings()
        sightings.announced.withLock { $0[1] = live.current.digest }
        let events = live.events()
        let listener = Task {
            for await event in events {
                switch event {
                case .applied(let applied):
                    sightings.announced.withLock { $0[applied.generation.number] = applied.generation.digest }
                case .refused: sightings.refused.add(1, ordering: .relaxed)
                case .unchanged: break
                }
            }
        }
        let watcher = try #require(box.watcher)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<2 {
                group.addTask {
                    // Tight loops, yielding now and then: the pool may have as few threads as readers.
                    while sightings.writing.load(ordering: .acquiring) {
                        for _ in 0..<100 { Self.read(live, into: sightings) }
                        await Task.yield()
                    }
                }
            }
            group.addTask {
                for round in 1...1000 {
                    try? Self.write(round: round, in: project)
                    watcher.notify()
                    // Pauses longer than the debounce after every kind of write (47 is prime to 5),
                    // so invalid states are reloaded, and refused, under load too.
                    if round % 47 == 0 { try? await Task.sleep(nanoseconds: 30_000_000) }
                }
                try? project.write("default.json", Self.valid(5000))
                watcher.notify()
                // The last valid write is current within the debounce (20 ms) plus a reload.
                for _ in 0..<400 where (try? live.current.configuration.int("api.timeout")) != 6000 {
                    try? await Task.sleep(nanoseconds: 5_000_000)
                }
                sightings.writing.store(false, ordering: .releasing)
            }
        }
        live.stop()
        _ = await listener.value
        #expect(sightings.problems.withLock { $0 }.isEmpty)
        #expect(sightings.reads.load(ordering: .relaxed) > 1000)
        let fresh = try ConfigProject(directory: project.path).resolveValidated(.production)
        #expect(live.current.configuration.value == fresh.value)
        let seen = sightings.seen.withLock { $0 }
        let published = sightings.announced.withLock { $0 }
        for (number, digest) in seen {
            #expect(published[number] == digest, "generation \(number) was read but never announced")
        }
        #expect(published.count > 1)
        #expect(sightings.refused.load(ordering: .relaxed) >= 1)
    }
}
