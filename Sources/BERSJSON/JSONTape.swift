/// A parsed document as one flat table of nodes in preorder, with every string in one byte arena.
///
/// A tape is what the configuration merge reads: building one costs two allocations whatever the
/// size of the document (the node table and the string arena), no `String`, array or object is
/// created, and a walker moves from a node to its first child (`node + 1`) or its next sibling
/// (`node + size`) without lookups. Positions are kept in each node, so every value and key knows
/// its `file:line:col`. ``value(ofNode:)`` turns any subtree into a ``JSONValue`` when one is
/// needed.
///
/// ```swift
/// let tape = try JSONParser().parseTape(Array(#"{"api": {"timeout": 15000}}"#.utf8), file: "default.json")
/// tape.count                       // 3: the root object, "api", "timeout"
/// tape.key(of: 2)                  // "timeout"
/// tape.value(ofNode: 2)            // .integer(15000)
/// tape.location(ofNode: 2)         // default.json:1:21
/// ```
public struct JSONTape: Sendable {
    /// What a node holds.
    public enum Kind: UInt8, Sendable {
        /// `null`.
        case null
        /// `true` or `false` (see ``Node/flag``).
        case bool
        /// An integer (``Node/payload`` holds its bits).
        case integer
        /// A double (``Node/payload`` holds its bits).
        case double
        /// A string (``Node/payload`` holds its offset and length in ``strings``).
        case string
        /// An array: its elements follow it.
        case array
        /// An object: its member values follow it, each with its key.
        case object
    }

    /// One value of the document.
    public struct Node: Sendable {
        /// What the node holds.
        public var kind: Kind
        /// The value of a boolean.
        public var flag: Bool
        /// Nodes in the subtree rooted here, itself included (1 for scalars and empty containers).
        public var size: UInt32
        /// Elements of an array or members of an object.
        public var count: UInt32
        /// The bits of an integer or double, or a string's offset (high 32 bits) and length.
        public var payload: UInt64
        /// Where the member's key starts in ``JSONTape/strings`` (members only).
        public var keyOffset: UInt32
        /// The key's length in bytes (members only).
        public var keyLength: UInt32
        /// Where the value starts in the source.
        public var position: SourcePosition
        /// Where the member's key starts in the source (unknown for the root and array elements).
        public var keyPosition: SourcePosition

        /// A node of `kind` with nothing else set.
        @inline(__always)
        init(kind: Kind, position: SourcePosition, keyOffset: UInt32, keyLength: UInt32, keyPosition: SourcePosition) {
            self.kind = kind
            self.flag = false
            self.size = 1
            self.count = 0
            self.payload = 0
            self.keyOffset = keyOffset
            self.keyLength = keyLength
            self.position = position
            self.keyPosition = keyPosition
        }

        /// Whether the node is an array or an object.
        public var isContainer: Bool { kind == .array || kind == .object }
    }

    /// The nodes and the string arena, in memory of their own that never moves, so that a
    /// reader may keep pointers into them while it holds the tape.
    final class Storage: @unchecked Sendable {
        // @unchecked: written only by the parser or builder that creates it, then read-only.
        let nodes: UnsafeMutablePointer<Node>
        let count: Int
        let strings: UnsafeMutablePointer<UInt8>
        let stringCount: Int

        init(nodes: consuming ScanStack<Node>, strings: consuming ScanStack<UInt8>) {
            (self.nodes, self.count) = nodes.take()
            (self.strings, self.stringCount) = strings.take()
        }

        deinit {
            nodes.deallocate()
            strings.deallocate()
        }
    }

    let storage: Storage
    /// The file the document came from, for locations.
    public let file: String

    /// A tape from the parser's or builder's buffers.
    init(nodes: consuming ScanStack<Node>, strings: consuming ScanStack<UInt8>, file: String) {
        self.storage = Storage(nodes: nodes, strings: strings)
        self.file = file
    }

    /// The number of nodes (at least 1: the root).
    public var count: Int { storage.count }

    /// The node at `node` (in preorder; the root is 0).
    @inline(__always)
    public subscript(node: Int) -> Node {
        precondition(node >= 0 && node < storage.count, "node out of range")
        return storage.nodes[node]
    }

    /// Calls `body` with the nodes, read in place; the tape stays alive meanwhile.
    public func withUnsafeNodes<Result>(_ body: (UnsafeBufferPointer<Node>) throws -> Result) rethrows -> Result {
        try withExtendedLifetime(storage) {
            try body(UnsafeBufferPointer(start: storage.nodes, count: storage.count))
        }
    }

    /// The nodes and the string arena, read in place: valid only while the caller holds this tape
    /// (or a copy of it), as the merger does while it holds its layers.
    public var unsafeBuffers: (nodes: UnsafePointer<Node>, strings: UnsafePointer<UInt8>) {
        (UnsafePointer(storage.nodes), UnsafePointer(storage.strings))
    }

    /// The key of the member whose value is `node`.
    public func key(of node: Int) -> String {
        let entry = self[node]
        return text(offset: Int(entry.keyOffset), length: Int(entry.keyLength))
    }

    /// The text of the string at `node`.
    public func string(of node: Int) -> String {
        let payload = self[node].payload
        return text(offset: Int(payload >> 32), length: Int(payload & 0xFFFF_FFFF))
    }

    /// Whether the string at `node` starts with `prefix` (ASCII), compared in place without
    /// building a `String`.
    public func string(of node: Int, hasPrefix prefix: StaticString) -> Bool {
        let entry = self[node]
        guard entry.kind == .string, Int(entry.payload & 0xFFFF_FFFF) >= prefix.utf8CodeUnitCount else { return false }
        return memoryEquals(storage.strings + Int(entry.payload >> 32), prefix.utf8Start, prefix.utf8CodeUnitCount)
    }

    /// Whether the key of the member whose value is `node` is exactly `key` (ASCII), compared in
    /// place.
    public func key(of node: Int, is key: StaticString) -> Bool {
        let entry = self[node]
        return Int(entry.keyLength) == key.utf8CodeUnitCount
            && memoryEquals(storage.strings + Int(entry.keyOffset), key.utf8Start, key.utf8CodeUnitCount)
    }

    /// The node of the member named `key` of the object at `node`, if it has one.
    public func member(_ key: String, of node: Int) -> Int? {
        let container = self[node]
        guard container.kind == .object else { return nil }
        var key = key
        return key.withUTF8 { wanted in
            var child = node + 1
            for _ in 0..<container.count {
                let candidate = self[child]
                if Int(candidate.keyLength) == wanted.count,
                    wanted.isEmpty
                        || memoryEquals(storage.strings + Int(candidate.keyOffset), wanted.baseAddress, wanted.count)
                {
                    return child
                }
                child += Int(candidate.size)
            }
            return nil
        }
    }

    /// The location of the value at `node`, if known.
    public func location(ofNode node: Int) -> SourceLocation? {
        guard node >= 0 && node < count else { return nil }
        return SourceLocation(file: file, position: self[node].position)
    }

    /// The location of the key whose value is `node`, if known.
    public func keyLocation(ofNode node: Int) -> SourceLocation? {
        guard node >= 0 && node < count else { return nil }
        return SourceLocation(file: file, position: self[node].keyPosition)
    }

    private func text(offset: Int, length: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: storage.strings + offset, count: length), as: UTF8.self)
    }
}

extension JSONTape {
    /// Whether two keys are the same key, as `String` and ``JSONObject`` compare them: byte for
    /// byte for ASCII, by canonical equivalence otherwise (`"\u{e9}"` and `"e\u{301}"` are one key).
    public static func keysEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        if a.count == b.count && memoryEquals(a.baseAddress, b.baseAddress, a.count) { return true }
        guard !isASCII(a) || !isASCII(b) else { return false }
        return String(decoding: a, as: UTF8.self) == String(decoding: b, as: UTF8.self)
    }

    /// Whether every byte is ASCII (keys that are not may equal keys with other bytes).
    @inline(__always)
    public static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var combined: UInt8 = 0
        for byte in bytes { combined |= byte }
        return combined < 0x80
    }
}

/// Whether `count` bytes at `a` and `b` are equal, eight at a time.
@inline(__always)
func memoryEquals(_ a: UnsafePointer<UInt8>?, _ b: UnsafePointer<UInt8>?, _ count: Int) -> Bool {
    guard let a, let b else { return count == 0 }
    var index = 0
    while index &+ 8 <= count {
        if UnsafeRawPointer(a + index).loadUnaligned(as: UInt64.self)
            != UnsafeRawPointer(b + index).loadUnaligned(as: UInt64.self)
        {
            return false
        }
        index &+= 8
    }
    while index < count {
        if a[index] != b[index] { return false }
        index &+= 1
    }
    return true
}
