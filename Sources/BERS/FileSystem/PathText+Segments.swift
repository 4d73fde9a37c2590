extension PathText {
    /// The `/`-separated segments of `path`, split on the `/` byte as the file system, URLs and
    /// object stores do.
    ///
    /// `String.split(separator: "/")` splits by characters, and a `/` followed by a combining
    /// mark is one character: `"../\u{301}x"` would be a single segment there, hiding the `..`.
    ///
    /// ```swift
    /// PathText.segments(of: "a//b/")                          // ["a", "", "b", ""]
    /// PathText.segments(of: "../\u{301}x")                    // ["..", "\u{301}x"]
    /// PathText.segments(of: "/a//b", omittingEmpty: true)     // ["a", "b"]
    /// ```
    ///
    /// - Parameters:
    ///   - path: the text to split.
    ///   - omittingEmpty: whether empty segments (around a leading, trailing or doubled `/`) are left out.
    /// - Returns: the segments, in order; each is a slice of `path`'s text.
    public static func segments(of path: some StringProtocol, omittingEmpty: Bool = false) -> [Substring] {
        let text = Substring(path)
        return text.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: omittingEmpty)
            .map {
                Substring($0)
            }
    }

    /// Whether some `/`-separated segment of `path` is exactly `..` (compared byte by byte).
    ///
    /// ```swift
    /// PathText.climbs("a/../b")          // true
    /// PathText.climbs("../\u{301}x")     // true
    /// PathText.climbs("a/..b")           // false
    /// ```
    public static func climbs(_ path: some StringProtocol) -> Bool {
        URLPath.hasDotDotSegment(String(path))
    }

    /// The text before the last `/` byte of `path`, or an empty string when it has none.
    ///
    /// ```swift
    /// PathText.parent(of: "config/schemas/app.json")   // "config/schemas"
    /// PathText.parent(of: "/app.json")                 // ""
    /// PathText.parent(of: "app.json")                  // ""
    /// ```
    public static func parent(of path: some StringProtocol) -> String {
        let text = Substring(path)
        guard let slash = text.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(Substring(text.utf8[..<slash]))
    }

    /// The text after the last `/` byte of `path` (all of `path` when it has none).
    ///
    /// ```swift
    /// PathText.lastSegment(of: "config/default.json")   // "default.json"
    /// PathText.lastSegment(of: "config/")               // ""
    /// ```
    public static func lastSegment(of path: some StringProtocol) -> String {
        let text = Substring(path)
        guard let slash = text.utf8.lastIndex(of: UInt8(ascii: "/")) else { return String(text) }
        return String(Substring(text.utf8[text.utf8.index(after: slash)...]))
    }
}

extension PathText {
    /// Whether `path` starts with the `/` byte (`"/\u{301}x"` is absolute, though its first
    /// character is not `"/"`).
    public static func isAbsolute(_ path: some StringProtocol) -> Bool {
        path.utf8.first == UInt8(ascii: "/")
    }

    /// The rest of `text` after `prefix`, compared byte by byte, or `nil` when `text` does not
    /// start with those bytes.
    ///
    /// ```swift
    /// PathText.removingPrefix("config/", from: "config/default.json")   // "default.json"
    /// PathText.removingPrefix("config/", from: "config/\u{301}x")       // "\u{301}x"
    /// PathText.removingPrefix("config/", from: "configs/x")             // nil
    /// ```
    public static func removingPrefix(_ prefix: some StringProtocol, from text: some StringProtocol) -> String? {
        let bytes = Substring(text).utf8
        guard bytes.starts(with: prefix.utf8) else { return nil }
        return String(Substring(bytes.dropFirst(prefix.utf8.count)))
    }

    /// `path` relative to the folder `directory` when it lies inside it (compared byte by byte),
    /// otherwise `path` unchanged: inside `config`, `config/schemas/app.json` is `schemas/app.json`.
    public static func relative(_ path: String, inside directory: String) -> String {
        let folder = directory.utf8.last == UInt8(ascii: "/") ? directory : directory + "/"
        return removingPrefix(folder, from: path) ?? path
    }
}
