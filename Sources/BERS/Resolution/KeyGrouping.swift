import BERSJSON

/// Groups the members of the objects being merged at one node by key, reusing its buffers from
/// one object to the next so that a merge allocates them once.
///
/// Keys are compared by hash first, then by bytes; objects with many members find their key's
/// group through an open-addressing table instead of a scan.
struct KeyGrouping {
    /// The members added since ``start(expecting:)``, in the order added, with their group.
    private var members: [LayerMerger.Contributor] = []
    /// The first member of each group (where its key is) and the key's hash (0 for keys with
    /// non-ASCII text, which may equal keys written with other bytes and are compared with all).
    private var keys: [(first: Origin, hash: UInt64)] = []
    /// The groups whose key has non-ASCII text.
    private var nonASCIIGroups: [Int] = []
    /// Group numbers by hash slot (-1 when free), used when many members are expected.
    private var table: [Int32] = []
    private var mask = 0
    private var usesTable = false
    private var counts: [Int32] = []

    /// The number of keys (groups) found.
    var keyCount: Int { keys.count }

    /// Starts grouping about `total` members.
    mutating func start(expecting total: Int) {
        members.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
        nonASCIIGroups.removeAll(keepingCapacity: true)
        usesTable = total > 16
        guard usesTable else { return }
        var size = 32
        while size < total * 2 { size <<= 1 }
        mask = size - 1
        if table.count < size {
            table = [Int32](repeating: -1, count: size)
        } else {
            for slot in 0..<size { table[slot] = -1 }
        }
    }

    /// Adds a member whose key is `key`, to the group of that key (a new one if it is the first).
    mutating func add(_ member: Origin, key: UnsafeBufferPointer<UInt8>, views: [TapeView]) {
        // Keys with non-ASCII text all hash alike: they may equal keys written with other bytes.
        let hash = JSONTape.isASCII(key) ? PathIndex.hash(key) : 0
        let group = usesTable ? tableGroup(key, hash: hash, views: views) : scannedGroup(key, hash: hash, views: views)
        if group == keys.count {
            if hash == 0 { nonASCIIGroups.append(group) }
            keys.append((member, hash))
        }
        members.append(LayerMerger.Contributor(origin: member, group: Int32(group)))
    }

    private func scannedGroup(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64, views: [TapeView]) -> Int {
        for group in keys.indices
        where (keys[group].hash == hash || hash == 0 || keys[group].hash == 0)
            && isKey(key, of: group, views: views)
        {
            return group
        }
        return keys.count
    }

    private mutating func tableGroup(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64, views: [TapeView]) -> Int {
        if hash == 0 { return scannedGroup(key, hash: hash, views: views) }
        for group in nonASCIIGroups where isKey(key, of: group, views: views) { return group }
        var slot = Int(truncatingIfNeeded: hash) & mask
        while table[slot] >= 0 {
            let group = Int(table[slot])
            if keys[group].hash == hash && isKey(key, of: group, views: views) { return group }
            slot = (slot + 1) & mask
        }
        table[slot] = Int32(keys.count)
        return keys.count
    }

    private func isKey(_ key: UnsafeBufferPointer<UInt8>, of group: Int, views: [TapeView]) -> Bool {
        let origin = keys[group].first
        return JSONTape.keysEqual(views[Int(origin.layer)].key(of: origin.node), key)
    }

    /// Appends the members to `stack` grouped: groups in order of their first member, members
    /// of a group in the order added (a stable counting sort).
    mutating func sortMembers(into stack: inout [LayerMerger.Contributor]) {
        counts.removeAll(keepingCapacity: true)
        counts.append(contentsOf: repeatElement(0, count: keys.count + 1))
        for member in members { counts[Int(member.group) + 1] += 1 }
        for group in 0..<keys.count { counts[group + 1] += counts[group] }
        let base = stack.count
        stack.append(contentsOf: members)
        for member in members {
            stack[base + Int(counts[Int(member.group)])] = member
            counts[Int(member.group)] += 1
        }
    }
}
