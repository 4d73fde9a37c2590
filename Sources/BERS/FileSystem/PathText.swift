/// Lexical operations on `/`-separated paths: no file system access, so symbolic links are not
/// followed (a `..` after a link to a folder elsewhere is resolved against the link's name).
public enum PathText {
    /// `path` without `.` components, empty components or `..` that follow a named component:
    /// `config/../tenants/./a` is `tenants/a`, `../x/..` is `..`, `/a/../..` is `/`.
    public static func normalized(_ path: String) -> String {
        let isAbsolute = isAbsolute(path)
        var kept: [Substring] = []
        for component in segments(of: path, omittingEmpty: true) {
            switch component {
            case ".":
                continue
            case "..":
                if let last = kept.last, last != ".." {
                    kept.removeLast()
                } else if !isAbsolute {
                    kept.append(component)
                }
            default:
                kept.append(component)
            }
        }
        let joined = kept.joined(separator: "/")
        if isAbsolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// The path that leads from the folder `base` to `target`, when both are absolute, or both
    /// relative to the same folder without climbing above it: from `dist` to
    /// `Examples/picasso/config` is `../Examples/picasso/config`.
    ///
    /// - Returns: `nil` when the answer depends on names the paths do not show (`base` is `../out`
    ///   and `target` relative), or when one path is absolute and the other is not.
    public static func relative(from base: String, to target: String) -> String? {
        let base = normalized(base)
        let target = normalized(target)
        guard isAbsolute(base) == isAbsolute(target) else { return nil }
        let from = components(base)
        let to = components(target)
        var shared = 0
        while shared < from.count, shared < to.count, from[shared].utf8.elementsEqual(to[shared].utf8) { shared += 1 }
        let climbs = from[shared...]
        guard !climbs.contains("..") else { return nil }
        let steps = Array(repeating: "..", count: climbs.count) + to[shared...].map(String.init)
        return steps.isEmpty ? "." : steps.joined(separator: "/")
    }

    private static func components(_ path: String) -> [Substring] {
        segments(of: path, omittingEmpty: true).filter { $0 != "." }
    }
}
