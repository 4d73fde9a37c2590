/// A hash table from dotted paths (`api.timeout`, `security.corsOrigins.0`) to node numbers,
/// built once per resolved configuration.
///
/// All paths live in one byte buffer, so building the index allocates three arrays whatever the
/// size of the configuration, and a lookup hashes the query's bytes once and compares them with
/// one stored path: no `String` is created on either side. A key that contains a dot or a
/// backslash is written with a backslash before it (`a\.b`).
struct PathIndex: Sendable {
    private var bytes: [UInt8] = []
    private var starts: [UInt32] = []
    private var slots: [Int32]
    private let mask: Int

    /// An index with room for `count` paths.
    init(capacity count: Int) {
        var size = 16
        while size < count * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        starts.reserveCapacity(count + 1)
        starts.append(0)
        bytes.reserveCapacity(count * 16)
    }

    /// Records the path of node `node` (nodes must be added in order 0, 1, 2, …), built from its
    /// parent's path and its own key or index.
    mutating func add(node: Int, parent: Int, token: PathToken) {
        let start = bytes.count
        if parent >= 0 {
            let parentStart = Int(starts[parent])
            let parentEnd = Int(starts[parent + 1])
            if parentEnd > parentStart {
                bytes.append(contentsOf: bytes[parentStart..<parentEnd])
                bytes.append(UInt8(ascii: "."))
            }
            switch token {
            case .key(let key):
                for byte in key.utf8 {
                    if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "\\") { bytes.append(UInt8(ascii: "\\")) }
                    bytes.append(byte)
                }
            case .index(let index):
                appendDecimal(index)
            }
        }
        starts.append(UInt32(bytes.count))
        let hash = bytes.withUnsafeBufferPointer { PathIndex.hash(UnsafeBufferPointer(rebasing: $0[start...])) }
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
        return bytes.withUnsafeBufferPointer { stored -> Int? in
            while true {
                let candidate = Int(slots[slot])
                if candidate < 0 { return nil }
                let start = Int(starts[candidate])
                let length = Int(starts[candidate + 1]) - start
                if length == query.count,
                   length == 0 || memoryEqual(stored.baseAddress.map { $0 + start }, query.baseAddress, length) {
                    return candidate
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The dotted path of `node`.
    func path(of node: Int) -> String {
        String(decoding: bytes[Int(starts[node])..<Int(starts[node + 1])], as: UTF8.self)
    }

    private func equalPaths(_ a: Int, _ b: Int) -> Bool {
        bytes[Int(starts[a])..<Int(starts[a + 1])].elementsEqual(bytes[Int(starts[b])..<Int(starts[b + 1])])
    }

    private mutating func appendDecimal(_ value: Int) {
        if value >= 10 { appendDecimal(value / 10) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
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

/// One step of a path: an object key or an array index.
enum PathToken: Sendable, Hashable {
    case key(String)
    case index(Int)

    var text: String {
        switch self {
        case .key(let key): key
        case .index(let index): String(index)
        }
    }
}

@inline(__always)
private func memoryEqual(_ a: UnsafePointer<UInt8>?, _ b: UnsafePointer<UInt8>?, _ count: Int) -> Bool {
    guard let a, let b else { return count == 0 }
    var index = 0
    while index + 8 <= count {
        if UnsafeRawPointer(a + index).loadUnaligned(as: UInt64.self)
            != UnsafeRawPointer(b + index).loadUnaligned(as: UInt64.self) { return false }
        index += 8
    }
    while index < count {
        if a[index] != b[index] { return false }
        index += 1
    }
    return true
}
