import BERSJSON

/// Interned JSON pointers into schema documents: each path is its parent path plus one token, so
/// a location is two integers, hashes in constant time, and a schema nested 10 000 levels deep
/// costs linear, not quadratic, time and memory to compile.
struct PathTable: Sendable {
    private struct Key: Hashable {
        var parent: Int32
        var token: String
    }

    /// The parent of each path (`-1` for the root).
    private(set) var parents: [Int32] = [-1]
    /// The last token of each path (empty for the root).
    private(set) var tokens: [String] = [""]
    private var children: [Key: Int32] = [:]

    /// The empty pointer.
    static var root: Int32 { 0 }

    /// The path `parent` followed by `token`, interned.
    mutating func child(of parent: Int32, _ token: String) -> Int32 {
        let key = Key(parent: parent, token: token)
        if let known = children[key] { return known }
        parents.append(parent)
        tokens.append(token)
        let path = Int32(parents.count - 1)
        children[key] = path
        return path
    }

    /// The tokens of `path`, outermost first.
    func tokens(of path: Int32) -> [String] {
        var result: [String] = []
        var probe = path
        while probe > 0 {
            result.append(tokens[Int(probe)])
            probe = parents[Int(probe)]
        }
        return result.reversed()
    }

    /// The tokens of `path` after `ancestor`, or `nil` when `ancestor` is not a prefix of `path`.
    func tokens(of path: Int32, below ancestor: Int32) -> [String]? {
        var result: [String] = []
        var probe = path
        while probe != ancestor {
            guard probe > 0 else { return nil }
            result.append(tokens[Int(probe)])
            probe = parents[Int(probe)]
        }
        return result.reversed()
    }

    /// The parent of `path`, or `nil` for the root.
    func parent(of path: Int32) -> Int32? {
        path > 0 ? parents[Int(path)] : nil
    }

    /// `path` as a JSON pointer.
    func pointer(_ path: Int32) -> JSONPointer {
        JSONPointer(tokens: tokens(of: path))
    }
}

/// Where a compiled node came from: a document, a path in it, and its schema resource.
struct NodeSite: Sendable {
    var document: Int32
    var path: Int32
    var resource: Int32
}
