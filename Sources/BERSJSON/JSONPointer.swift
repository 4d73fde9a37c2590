/// A JSON Pointer (RFC 6901): the path of a value inside a document, such as `/api/timeout`.
///
/// Pointers are also written as dotted paths (`api.timeout`, `security.corsOrigins.0`); see
/// ``init(dottedPath:)``. The empty pointer `""` names the whole document.
public struct JSONPointer: Sendable, Hashable {
    /// The unescaped reference tokens, outermost first.
    public var tokens: [String]

    /// The pointer made of these tokens.
    public init(tokens: [String]) { self.tokens = tokens }

    /// The pointer to the whole document.
    public static let root = JSONPointer(tokens: [])

    /// Parses an RFC 6901 pointer such as `/api/timeout` or `/a~1b/c~0d`.
    ///
    /// - Throws: ``JSONError`` with code ``JSONError/Code/invalidPointer`` when the text is not
    ///   empty and does not start with `/`, or has a `~` not followed by `0` or `1`.
    public init(parsing text: String) throws(JSONError) {
        if text.isEmpty {
            tokens = []
            return
        }
        guard text.utf8.first == UInt8(ascii: "/") else {
            throw JSONError(.invalidPointer, "JSON pointer '\(text)' must be empty or start with '/'")
        }
        var result: [String] = []
        for raw in text.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropFirst() {
            let token = String(decoding: raw, as: UTF8.self)
            guard token.contains("~") else {
                result.append(token)
                continue
            }
            var unescaped = ""
            var iterator = token.unicodeScalars.makeIterator()
            while let scalar = iterator.next() {
                guard scalar == "~" else {
                    unescaped.unicodeScalars.append(scalar)
                    continue
                }
                switch iterator.next() {
                case "0": unescaped.append("~")
                case "1": unescaped.append("/")
                default:
                    throw JSONError(.invalidPointer, "JSON pointer '\(text)' has '~' not followed by '0' or '1'")
                }
            }
            result.append(unescaped)
        }
        tokens = result
    }

    /// A pointer from a dotted path: `api.timeout` is `/api/timeout`.
    ///
    /// An empty path is the root.
    ///
    /// A key that itself contains a dot cannot be written this way; use a JSON pointer for it.
    public init(dottedPath: String) {
        tokens =
            dottedPath.isEmpty
            ? []
            : dottedPath.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    /// Reads `path` as a JSON pointer when it starts with `/` (or is empty), else as a dotted path.
    public init(path: String) throws(JSONError) {
        if path.isEmpty || path.utf8.first == UInt8(ascii: "/") {
            try self.init(parsing: path)
        } else {
            self.init(dottedPath: path)
        }
    }

    /// Whether this is the root pointer.
    public var isRoot: Bool { tokens.isEmpty }

    /// The last token, or `nil` for the root.
    public var lastToken: String? { tokens.last }

    /// The pointer to the parent value, or `nil` for the root.
    public var parent: JSONPointer? {
        tokens.isEmpty ? nil : JSONPointer(tokens: Array(tokens.dropLast()))
    }

    /// This pointer with one more token.
    public func appending(_ token: String) -> JSONPointer {
        var copy = self
        copy.tokens.append(token)
        return copy
    }

    /// This pointer with an array index appended.
    public func appending(index: Int) -> JSONPointer { appending(String(index)) }

    /// This pointer followed by `other`'s tokens.
    public func appending(_ other: JSONPointer) -> JSONPointer {
        JSONPointer(tokens: tokens + other.tokens)
    }

    /// Whether `self` equals `other` or lies beneath it.
    public func hasPrefix(_ other: JSONPointer) -> Bool {
        tokens.count >= other.tokens.count && zip(tokens, other.tokens).allSatisfy { $0 == $1 }
    }

    /// The path with dots: `api.timeout`.
    ///
    /// Ambiguous when a token contains a dot.
    public var dottedPath: String { tokens.joined(separator: ".") }

    /// The array index a token denotes under RFC 6901: digits without a leading zero.
    public static func arrayIndex(_ token: String) -> Int? {
        let utf8 = token.utf8
        guard let first = utf8.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else { return nil }
        if first == UInt8(ascii: "0") && utf8.count > 1 { return nil }
        guard utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return Int(token)
    }

    /// Escapes one token for the textual form (`~` to `~0`, `/` to `~1`).
    public static func escape(_ token: String) -> String {
        guard token.contains("~") || token.contains("/") else { return token }
        return token.replacingAll("~", with: "~0").replacingAll("/", with: "~1")
    }
}

extension JSONPointer: CustomStringConvertible {
    /// The RFC 6901 text, such as `/api/timeout`; the root is the empty string.
    public var description: String {
        tokens.reduce(into: "") { text, token in
            text.append("/")
            text.append(JSONPointer.escape(token))
        }
    }
}

extension JSONPointer: Comparable {
    /// Document-independent order: token by token, shorter first on a tie.
    public static func < (lhs: JSONPointer, rhs: JSONPointer) -> Bool {
        lhs.tokens.lexicographicallyPrecedes(rhs.tokens)
    }
}

extension JSONPointer: ExpressibleByStringLiteral {
    /// A pointer from a literal; a literal that is not a valid pointer is read as a dotted path.
    public init(stringLiteral value: String) {
        self = (try? JSONPointer(path: value)) ?? JSONPointer(dottedPath: value)
    }
}

extension JSONValue {
    /// The value at `pointer`, if it exists.
    public subscript(pointer pointer: JSONPointer) -> JSONValue? {
        var current = self
        for token in pointer.tokens {
            switch current {
            case .object(let object):
                guard let next = object[token] else { return nil }
                current = next
            case .array(let elements):
                guard let index = JSONPointer.arrayIndex(token), elements.indices.contains(index) else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }
}

extension String {
    /// Replaces every occurrence of `target` with `replacement` (standard library only).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for character in self {
            if character == target { result.append(replacement) } else { result.append(character) }
        }
        return result
    }
}
