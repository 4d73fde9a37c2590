/// What resolving a path one segment at a time meets: the folder holding each symbolic link
/// followed on the way (the path itself, one of its ancestors, every hop of a chain), and where
/// the path leads once they are all followed.
///
/// A change of any of those links changes where the path leads; it is seen by watching the
/// folders that hold them. For `config/staging.json -> /srv/ext/staging.json` the trail is
/// `["config"]`, leading to `/srv/ext/staging.json`; for a config directory `cap/current ->
/// releases/v1` it is `["cap"]`, leading to `cap/releases/v1`.
struct LinkTrail: Sendable, Equatable {
    /// How many links one path may go through, as the kernel allows (`ELOOP` beyond).
    static let maximumHops = 40

    /// The folders holding the links followed, in the order met (repeats included).
    let linkFolders: [String]
    /// The path with every link resolved, as far as it exists (the rest is kept as written).
    let destination: String

    /// Follows `path` through the links of `fileSystem`.
    static func follow(_ path: String, in fileSystem: some SymbolicLinkReading) -> LinkTrail {
        var walk = Walk(absolute: PathText.isAbsolute(path))
        var remaining = segments(of: path)
        while let name = remaining.popLast() {
            guard let target = walk.step(name, in: fileSystem) else { continue }
            if PathText.isAbsolute(target) { walk.current = "/" }
            remaining.append(contentsOf: segments(of: target))
        }
        return LinkTrail(linkFolders: walk.folders, destination: walk.spelling(of: walk.current))
    }

    /// The segments of `path`, last first (a stack to pop).
    private static func segments(of path: String) -> [String] {
        PathText.segments(of: path, omittingEmpty: true).reversed().map(String.init)
    }

    /// The state of one resolution: the resolved prefix, the links met, how many.
    private struct Walk {
        /// The resolved prefix (`""` for the working directory).
        var current: String
        var folders: [String] = []
        var hops = 0

        init(absolute: Bool) { current = absolute ? "/" : "" }

        /// Moves over the segment `name`; returns the target of the link it is, when one is
        /// followed.
        mutating func step(_ name: String, in fileSystem: some SymbolicLinkReading) -> String? {
            if name == "." { return nil }
            if name == ".." {
                current = Self.parent(of: current)
                return nil
            }
            let candidate = joinPath(current, name)
            guard hops < LinkTrail.maximumHops, let target = fileSystem.symbolicLinkDestination(atPath: candidate)
            else {
                current = candidate
                return nil
            }
            hops += 1
            folders.append(spelling(of: current))
            return target
        }

        /// `prefix` as a path: `.` for the working directory.
        func spelling(of prefix: String) -> String { prefix.isEmpty ? "." : prefix }

        /// The folder above `prefix`, a prefix without links, so `..` can be taken lexically.
        private static func parent(of prefix: String) -> String {
            if prefix == "/" { return "/" }
            if prefix.isEmpty { return ".." }
            if PathText.lastSegment(of: prefix) == ".." { return prefix + "/.." }
            let parent = PathText.parent(of: prefix)
            if parent.isEmpty { return PathText.isAbsolute(prefix) ? "/" : "" }
            return parent
        }
    }
}
