/// A hash table from dotted paths (`api.timeout`, `security.corsOrigins.0`) to node numbers,
/// built once per resolved configuration.
///
/// All paths live in one byte buffer, so building the index allocates three blocks whatever the
/// size of the configuration, and a lookup hashes the query's bytes once and compares them with
/// one stored path: no `String` is created on either side. A key that contains a dot or a
/// backslash is written with a backslash before it (`a\.b`).
final class PathIndex: @unchecked Sendable {
    // @unchecked: the buffers are written only while the configuration is being merged, by the
    // one merger that owns the index, and are read-only once it is handed to the snapshot.
    private var bytes: UnsafeMutablePointer<UInt8>
    private var byteCapacity: Int
    private var byteCount = 0
    private var starts: UnsafeMutablePointer<UInt32>
    private var startCapacity: Int
    private var slots: UnsafeMutablePointer<Int32>
    private var mask: Int
    private(set) var count = 0
    /// Whether the paths outgrew ``byteLimit`` (a pathological document: very long keys nested
    /// deeply); the merger then refuses the configuration.
    private(set) var exceededLimit = false
    /// The most bytes all paths together may take.
    static let byteLimit = 64 << 20

    /// An empty index expecting about `capacity` nodes (it grows when needed).
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        mask = size - 1
        slots = .allocate(capacity: size)
        slots.initialize(repeating: -1, count: size)
        startCapacity = max(16, capacity + 1)
        starts = .allocate(capacity: startCapacity)
        starts[0] = 0
        byteCapacity = max(64, capacity * 24)
        bytes = .allocate(capacity: byteCapacity)
    }

    deinit {
        bytes.deallocate()
        starts.deallocate()
        slots.deallocate()
    }

    /// Records the root (the first node, whose path is empty).
    func appendRoot() {
        reserveNode()
        starts[count] = UInt32(byteCount)
        insert(count - 1)
    }

    /// Records the next node (nodes are added in order 0, 1, 2, …): a member of `parent` (an
    /// earlier node) named by the UTF-8 bytes of `key`.
    func append(parent: Int, key: UnsafeBufferPointer<UInt8>) {
        reserveNode()
        let start = byteCount
        reserve(pathLength(of: parent) + 1 + key.count * 2)
        if !exceededLimit {
            copyPath(of: parent)
            for byte in key {
                if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "\\") {
                    bytes[byteCount] = UInt8(ascii: "\\")
                    byteCount += 1
                }
                bytes[byteCount] = byte
                byteCount += 1
            }
        }
        close(node: count - 1, start: start)
    }

    /// Records the next node: element `index` of `parent`.
    func append(parent: Int, index: Int) {
        reserveNode()
        let start = byteCount
        reserve(pathLength(of: parent) + 1 + 20)
        if !exceededLimit {
            copyPath(of: parent)
            appendDecimal(index)
        }
        close(node: count - 1, start: start)
    }

    /// Makes room for one more node and counts it.
    private func reserveNode() {
        let node = count
        if node + 2 > startCapacity {
            let grown = UnsafeMutablePointer<UInt32>.allocate(capacity: startCapacity * 2)
            grown.update(from: starts, count: node + 1)
            starts.deallocate()
            starts = grown
            startCapacity *= 2
        }
        if (node + 1) * 2 > mask + 1 { rehash(size: (mask + 1) * 2) }
        count += 1
    }

    private func pathLength(of node: Int) -> Int {
        Int(starts[node + 1]) - Int(starts[node])
    }

    /// Writes `parent`'s path and a dot, unless the parent is the root (whose path is empty).
    private func copyPath(of parent: Int) {
        let parentStart = Int(starts[parent])
        let parentLength = pathLength(of: parent)
        guard parentLength > 0 else { return }
        (bytes + byteCount).update(from: bytes + parentStart, count: parentLength)
        byteCount += parentLength
        bytes[byteCount] = UInt8(ascii: ".")
        byteCount += 1
    }

    /// Ends the path of `node` and indexes it (a node whose path did not fit gets an empty one
    /// and is not indexed; the merger then refuses the configuration).
    private func close(node: Int, start: Int) {
        if exceededLimit {
            byteCount = start
            starts[node + 1] = UInt32(start)
            return
        }
        starts[node + 1] = UInt32(byteCount)
        insert(node)
    }

    private func rehash(size: Int) {
        slots.deallocate()
        slots = .allocate(capacity: size)
        slots.initialize(repeating: -1, count: size)
        mask = size - 1
        for node in 0..<count { insert(node) }
    }

    private func reserve(_ extra: Int) {
        guard byteCount + extra > byteCapacity else { return }
        guard byteCount + extra <= Self.byteLimit else {
            exceededLimit = true
            return
        }
        var capacity = byteCapacity * 2
        while capacity < byteCount + extra { capacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        grown.update(from: bytes, count: byteCount)
        bytes.deallocate()
        bytes = grown
        byteCapacity = capacity
    }

    private func insert(_ node: Int) {
        let start = Int(starts[node])
        let hash = PathIndex.hash(UnsafeBufferPointer(start: bytes + start, count: Int(starts[node + 1]) - start))
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            if equalPaths(Int(slots[slot]), node) { return }  // the first node keeps an ambiguous path
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(node)
    }

    /// The node whose dotted path is `path`.
    @inline(__always)
    func node(forPath path: String) -> Int? {
        var path = path
        return path.withUTF8 { query in node(forUTF8: query) }
    }

    func node(forUTF8 query: UnsafeBufferPointer<UInt8>) -> Int? {
        var slot = Int(truncatingIfNeeded: PathIndex.hash(query)) & mask
        while true {
            let candidate = Int(slots[slot])
            if candidate < 0 { return nil }
            let start = Int(starts[candidate])
            let length = Int(starts[candidate + 1]) - start
            if length == query.count, length == 0 || bytesEqual(bytes + start, query.baseAddress, length) {
                return candidate
            }
            slot = (slot + 1) & mask
        }
    }

    /// The dotted path of `node`.
    func path(of node: Int) -> String {
        let start = Int(starts[node])
        return String(
            decoding: UnsafeBufferPointer(start: bytes + start, count: Int(starts[node + 1]) - start),
            as: UTF8.self
        )
    }

    /// The tokens of `node`'s path (escapes undone).
    func tokens(of node: Int) -> [String] {
        let start = Int(starts[node])
        let end = Int(starts[node + 1])
        guard end > start else { return [] }
        var tokens: [String] = []
        var current: [UInt8] = []
        var offset = start
        while offset < end {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\\"), offset + 1 < end {
                current.append(bytes[offset + 1])
                offset += 2
                continue
            }
            if byte == UInt8(ascii: ".") {
                tokens.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(byte)
            }
            offset += 1
        }
        tokens.append(String(decoding: current, as: UTF8.self))
        return tokens
    }

    private func equalPaths(_ a: Int, _ b: Int) -> Bool {
        let aStart = Int(starts[a])
        let bStart = Int(starts[b])
        let length = Int(starts[a + 1]) - aStart
        return length == Int(starts[b + 1]) - bStart && bytesEqual(bytes + aStart, bytes + bStart, length)
    }

    private func appendDecimal(_ value: Int) {
        if value >= 10 { appendDecimal(value / 10) }
        bytes[byteCount] = UInt8(ascii: "0") + UInt8(value % 10)
        byteCount += 1
    }

    /// A fast hash of short byte strings: 8 bytes at a time, multiply and rotate.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 29
            offset += 8
        }
        if offset < bytes.count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < bytes.count {
                tail |= UInt64(base[offset]) << shift
                shift += 8
                offset += 1
            }
            hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        }
        hash ^= hash >> 32
        return hash
    }
}

/// Whether `count` bytes at `a` and `b` are equal, eight at a time.
@inline(__always)
func bytesEqual(_ a: UnsafePointer<UInt8>?, _ b: UnsafePointer<UInt8>?, _ count: Int) -> Bool {
    guard let a, let b else { return count == 0 }
    var index = 0
    while index + 8 <= count {
        if UnsafeRawPointer(a + index).loadUnaligned(as: UInt64.self)
            != UnsafeRawPointer(b + index).loadUnaligned(as: UInt64.self)
        {
            return false
        }
        index += 8
    }
    while index < count {
        if a[index] != b[index] { return false }
        index += 1
    }
    return true
}
