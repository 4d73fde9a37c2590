/// Keys in order of last use, with constant-time touch, removal and oldest: the eviction order of
/// ``TenantCache``.
///
/// A doubly linked list threaded through an array (freed nodes are reused), indexed by key.
///
/// ```swift
/// var list = RecencyList<String>()
/// list.touch("a", stamp: 1); list.touch("b", stamp: 2); list.touch("a", stamp: 3)
/// list.oldest?.key   // "b"
/// ```
struct RecencyList<Key: Hashable> {
    private struct Node {
        var key: Key
        var stamp: UInt64
        var older: Int?
        var newer: Int?
    }

    private var nodes: [Node] = []
    private var free: [Int] = []
    private var positions: [Key: Int] = [:]
    private var newestIndex: Int?
    private var oldestIndex: Int?

    /// How many keys the list holds.
    var count: Int { positions.count }

    /// How many nodes are allocated (held or free for reuse): never more than the largest count.
    var allocated: Int { nodes.count }

    /// The least recently used key and the stamp of its last use.
    var oldest: (key: Key, stamp: UInt64)? {
        oldestIndex.map { (nodes[$0].key, nodes[$0].stamp) }
    }

    /// The keys, least recently used first.
    var keysFromOldest: [Key] {
        var keys: [Key] = []
        var index = oldestIndex
        while let current = index {
            keys.append(nodes[current].key)
            index = nodes[current].newer
        }
        return keys
    }

    /// Records a use of `key` at `stamp`, adding it when absent.
    mutating func touch(_ key: Key, stamp: UInt64) {
        let index: Int
        if let existing = positions[key] {
            unlink(existing)
            index = existing
            nodes[index].stamp = stamp
        } else if let reused = free.popLast() {
            index = reused
            nodes[index] = Node(key: key, stamp: stamp)
        } else {
            index = nodes.count
            nodes.append(Node(key: key, stamp: stamp))
        }
        positions[key] = index
        nodes[index].older = newestIndex
        nodes[index].newer = nil
        if let newestIndex { nodes[newestIndex].newer = index }
        newestIndex = index
        if oldestIndex == nil { oldestIndex = index }
    }

    /// Forgets `key`; nothing happens when it is absent.
    mutating func remove(_ key: Key) {
        guard let index = positions.removeValue(forKey: key) else { return }
        unlink(index)
        free.append(index)
    }

    private mutating func unlink(_ index: Int) {
        let (older, newer) = (nodes[index].older, nodes[index].newer)
        if let older { nodes[older].newer = newer } else { oldestIndex = newer }
        if let newer { nodes[newer].older = older } else { newestIndex = older }
        nodes[index].older = nil
        nodes[index].newer = nil
    }
}
