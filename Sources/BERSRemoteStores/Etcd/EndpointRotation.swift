import Synchronization

/// Which endpoint of a cluster to try first: the last one that answered.
final class EndpointRotation: Sendable {
    private let preferred = Mutex(0)
    /// How many endpoints there are.
    let count: Int

    /// A rotation over `count` endpoints, starting with the first.
    init(count: Int) { self.count = max(1, count) }

    /// The endpoint indices in the order to try them: the preferred one first.
    var order: [Int] {
        let first = preferred.withLock { $0 }
        return (0..<count).map { (first + $0) % count }
    }

    /// Remembers that `index` answered.
    func answered(_ index: Int) { preferred.withLock { $0 = index } }
}
