/// The members of a JSON object, in the order they were written.
///
/// Keys are unique. Looking a key up is a linear scan for small objects and a hash lookup once an
/// object has more than ``indexThreshold`` members. Equality ignores member order.
///
/// ```swift
/// var object: JSONObject = ["timeout": 1000]
/// object["retries"] = 3          // appended at the end
/// object["timeout"] = 2000       // replaced in place
/// object.keys                    // ["timeout", "retries"]
/// ```
public struct JSONObject: Sendable {
    /// One member of an object.
    public typealias Member = (key: String, value: JSONValue)

    /// Objects with more members than this keep a hash index of their keys.
    public static let indexThreshold = 12

    @usableFromInline var storage: [Member]
    private var index: [String: Int]?

    /// An empty object.
    public init() {
        storage = []
        index = nil
    }

    /// An object with these members, in this order.
    ///
    /// A repeated key keeps its first position and takes the last value.
    public init(_ members: some Sequence<(String, JSONValue)>) {
        self.init()
        for (key, value) in members { self[key] = value }
    }

    /// An object with these members, whose keys the caller guarantees to be unique (the parser, which has already
    /// rejected duplicates).
    ///
    /// Skips the uniqueness check.
    public init(uniqueMembers members: [Member]) {
        storage = members
        index = nil
        if members.count > Self.indexThreshold { rebuildIndex() }
    }

    /// The keys, in order.
    public var keys: [String] { storage.map(\.key) }

    /// The values, in key order.
    public var values: [JSONValue] { storage.map(\.value) }

    /// The value for `key`; setting `nil` removes the member, setting a new key appends it.
    public subscript(key: String) -> JSONValue? {
        get {
            guard let position = position(of: key) else { return nil }
            return storage[position].value
        }
        set {
            if let position = position(of: key) {
                if let newValue {
                    storage[position].value = newValue
                } else {
                    storage.remove(at: position)
                    if index != nil { rebuildIndex() }
                }
            } else if let newValue {
                storage.append((key, newValue))
                if index != nil {
                    index?[key] = storage.count - 1
                } else if storage.count > Self.indexThreshold {
                    rebuildIndex()
                }
            }
        }
    }

    /// Whether the object has a member named `key`.
    public func contains(key: String) -> Bool { position(of: key) != nil }

    /// The position of `key` among the members, if present.
    public func position(of key: String) -> Int? {
        if let index { return index[key] }
        return storage.firstIndex { $0.key == key }
    }

    /// Removes the member named `key` and returns its value.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        let old = self[key]
        self[key] = nil
        return old
    }

    /// The members sorted by key, by Unicode code points (UTF-8 byte order).
    ///
    /// Canonical JSON (``JSONSerializer/Style/canonical``) sorts by UTF-16 code units instead, as
    /// RFC 8785 requires; the two orders differ only between U+E000–U+FFFF and characters above U+FFFF.
    public func sortedByKey() -> [Member] {
        storage.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }

    private mutating func rebuildIndex() {
        var map = [String: Int](minimumCapacity: storage.count)
        for (offset, member) in storage.enumerated() { map[member.key] = offset }
        index = map
    }
}

extension JSONObject: RandomAccessCollection {
    /// The position of the first member (0).
    @inlinable public var startIndex: Int { 0 }
    /// One past the last member (the member count).
    @inlinable public var endIndex: Int { storage.count }
    /// The member at `position`, in document order.
    @inlinable public subscript(position: Int) -> Member { storage[position] }
}

extension JSONObject: Equatable {
    /// Same keys with equal values, in any order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (key, value) in lhs.storage {
            guard let other = rhs[key], other == value else { return false }
        }
        return true
    }
}

extension JSONObject: Hashable {
    /// Order-independent hash, consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        var combined = 0
        for (key, value) in storage {
            var member = Hasher()
            member.combine(key)
            member.combine(value)
            combined ^= member.finalize()
        }
        hasher.combine(storage.count)
        hasher.combine(combined)
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// An object from a dictionary literal, keys in the order written.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }
}
