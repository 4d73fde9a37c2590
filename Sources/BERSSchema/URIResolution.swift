/// A URI reference (RFC 3986) split into its five components, with reference resolution.
///
/// Schema identifiers (`$id`, `$ref`, `$schema`) are URI references; the compiler resolves each
/// against the base URI in force and looks the result up in its index. The text is kept as it was
/// written except that the scheme and host are lower-cased and dot segments are removed, so two
/// spellings of the same identifier meet in the index.
struct URIReference: Hashable, Sendable, CustomStringConvertible {
    var scheme: String?
    var authority: String?
    var path: String
    var query: String?
    var fragment: String?

    /// Splits `text` with the regular expression of RFC 3986 appendix B.
    init(parsing text: String) {
        var rest = Substring(text)
        fragment = nil
        query = nil
        scheme = nil
        authority = nil
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let mark = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: mark)...])
            rest = rest[..<mark]
        }
        if let colon = rest.firstIndex(of: ":"), URIReference.isScheme(rest[..<colon]) {
            scheme = rest[..<colon].lowercased()
            rest = rest[rest.index(after: colon)...]
        }
        if rest.utf8.starts(with: "//".utf8) {
            let afterSlashes = rest.utf8.index(rest.startIndex, offsetBy: 2)
            let end = rest[afterSlashes...].utf8.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
            authority = URIReference.normalizedAuthority(rest[afterSlashes..<end])
            rest = rest[end...]
        }
        path = String(rest)
    }

    private init(scheme: String?, authority: String?, path: String, query: String?, fragment: String?) {
        self.scheme = scheme
        self.authority = authority
        self.path = path
        self.query = query
        self.fragment = fragment
    }

    /// Whether the reference has a scheme (an absolute URI, possibly with a fragment).
    var isAbsolute: Bool { scheme != nil }

    /// The reference without its fragment.
    var withoutFragment: URIReference {
        URIReference(scheme: scheme, authority: authority, path: path, query: query, fragment: nil)
    }

    /// The reference with `fragment` as its fragment (`nil` removes it).
    func with(fragment: String?) -> URIReference {
        URIReference(scheme: scheme, authority: authority, path: path, query: query, fragment: fragment)
    }

    /// The text of the reference; an empty fragment is dropped (`schema#` is `schema`).
    var description: String {
        var text = ""
        if let scheme { text += scheme + ":" }
        if let authority { text += "//" + authority }
        text += path
        if let query { text += "?" + query }
        if let fragment, !fragment.isEmpty { text += "#" + fragment }
        return text
    }

    /// Resolves this reference against `base` (RFC 3986 section 5.2.2).
    func resolved(against base: URIReference) -> URIReference {
        if scheme != nil {
            return URIReference(
                scheme: scheme,
                authority: authority,
                path: URIReference.removeDotSegments(path),
                query: query,
                fragment: fragment
            )
        }
        if authority != nil {
            return URIReference(
                scheme: base.scheme,
                authority: authority,
                path: URIReference.removeDotSegments(path),
                query: query,
                fragment: fragment
            )
        }
        if path.isEmpty {
            return URIReference(
                scheme: base.scheme,
                authority: base.authority,
                path: base.path,
                query: query ?? base.query,
                fragment: fragment
            )
        }
        let merged: String
        if path.utf8.first == UInt8(ascii: "/") {
            merged = path
        } else if base.authority != nil && base.path.isEmpty {
            merged = "/" + path
        } else if let slash = base.path.utf8.lastIndex(of: UInt8(ascii: "/")) {
            merged = base.path[...slash] + path
        } else {
            merged = path
        }
        return URIReference(
            scheme: base.scheme,
            authority: base.authority,
            path: URIReference.removeDotSegments(merged),
            query: query,
            fragment: fragment
        )
    }

    /// Resolves the reference text `reference` against the absolute URI text `base`.
    static func resolve(_ reference: String, against base: String) -> URIReference {
        URIReference(parsing: reference).resolved(against: URIReference(parsing: base))
    }

    private static func isScheme(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first, isLetter(first) else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            isLetter(scalar) || ("0"..."9").contains(scalar) || scalar == "+" || scalar == "-" || scalar == "."
        }
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    /// Lower-cases the host part of an authority (user information and port are kept).
    private static func normalizedAuthority(_ authority: Substring) -> String {
        let hostStart = authority.lastIndex(of: "@").map { authority.index(after: $0) } ?? authority.startIndex
        return String(authority[..<hostStart]) + authority[hostStart...].lowercased()
    }

    /// RFC 3986 section 5.2.4.
    static func removeDotSegments(_ path: String) -> String {
        guard path.contains(".") else { return path }
        var output: [Substring] = []
        let leadingSlash = path.utf8.first == UInt8(ascii: "/")
        let segments = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
            .map { Substring($0) }
        var trailingSlash = false
        for (offset, segment) in segments.enumerated() {
            if offset == 0 && leadingSlash { continue }
            let isLast = offset == segments.count - 1
            switch segment {
            case ".":
                if isLast { trailingSlash = true }
            case "..":
                if !output.isEmpty { output.removeLast() }
                if isLast { trailingSlash = true }
            default:
                output.append(segment)
            }
        }
        var result = leadingSlash ? "/" : ""
        result += output.joined(separator: "/")
        if trailingSlash && !result.hasSuffix("/") { result += "/" }
        return result
    }
}

extension String {
    /// The string with `%XX` escapes decoded as UTF-8 (malformed escapes are kept as written).
    var percentDecoded: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        let source = Array(utf8)
        var index = 0
        while index < source.count {
            if source[index] == UInt8(ascii: "%"), index + 2 < source.count,
                let high = hexValue(source[index + 1]), let low = hexValue(source[index + 2])
            {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(source[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
