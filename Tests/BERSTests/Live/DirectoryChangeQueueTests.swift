import BERS
import Testing

@Suite("DirectoryChangeQueue")
struct DirectoryChangeQueueTests {
    @Test func pendingChangesMergePerDirectoryInOrder() async {
        let queue = DirectoryChangeQueue()
        queue.send(DirectoryChange(directory: "a", names: ["x"]))
        queue.send(DirectoryChange(directory: "b", names: ["y"]))
        queue.send(DirectoryChange(directory: "a", names: ["z", "x"]))
        queue.send(DirectoryChange(directory: "c", names: ["w"]))
        queue.send(DirectoryChange(directory: "c", names: nil))
        queue.send(DirectoryChange(directory: "c", names: ["v"]))
        queue.finish()
        queue.send(DirectoryChange(directory: "d", names: ["late"]))
        var received: [DirectoryChange] = []
        for await change in queue.changes { received.append(change) }
        #expect(
            received == [
                DirectoryChange(directory: "a", names: ["x", "z"]),
                DirectoryChange(directory: "b", names: ["y"]),
                DirectoryChange(directory: "c", names: nil),
            ]
        )
    }

    @Test func aWaitingConsumerGetsTheChange() async {
        let queue = DirectoryChangeQueue()
        let consumer = Task { await queue.changes.first { _ in true } }
        try? await Task.sleep(for: .milliseconds(10))
        queue.send(DirectoryChange(directory: "a", names: ["x"]))
        #expect(await consumer.value == DirectoryChange(directory: "a", names: ["x"]))
    }

    @Test func cancellingAWaitingConsumerEndsItsIteration() async {
        let queue = DirectoryChangeQueue()
        let consumer = Task { await queue.changes.first { _ in true } }
        try? await Task.sleep(for: .milliseconds(10))
        consumer.cancel()
        #expect(await consumer.value == nil)
        queue.send(DirectoryChange(directory: "a", names: ["x"]))
        var iterator = queue.changes.makeAsyncIterator()
        #expect(await iterator.next() == DirectoryChange(directory: "a", names: ["x"]))
    }

    @Test func finishingEndsAWaitingConsumer() async {
        let queue = DirectoryChangeQueue()
        let consumer = Task { await queue.changes.first { _ in true } }
        try? await Task.sleep(for: .milliseconds(10))
        queue.finish()
        #expect(await consumer.value == nil)
    }

    @Test func unknownNamesMayConcernAnything() {
        #expect(DirectoryChange(directory: "a", names: nil).mayConcern("default.json"))
        #expect(DirectoryChange(directory: "a", names: ["local.json"]).mayConcern("local.json"))
        #expect(!DirectoryChange(directory: "a", names: ["local.json"]).mayConcern("default.json"))
        #expect(DirectoryChange(directory: "a", names: nil).description == "a: *")
    }
}
