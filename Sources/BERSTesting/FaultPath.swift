import BERS

/// Which paths a ``FileSystemFaultRule`` applies to.
///
/// Paths are compared after ``PathText/normalized(_:)``, so `config/./a.json` matches
/// `.exact("config/a.json")`.
public struct FaultPath: Sendable {
    private let test: @Sendable (String) -> Bool

    /// Paths for which `predicate` is true (given the normalized path).
    public init(_ predicate: @escaping @Sendable (String) -> Bool) {
        test = predicate
    }

    /// Every path.
    public static let any = FaultPath { _ in true }

    /// Exactly `path`.
    public static func exact(_ path: String) -> FaultPath {
        let expected = PathText.normalized(path)
        return FaultPath { $0 == expected }
    }

    /// Paths ending with `suffix` (a file name, `.json`, `/mappings/abc.json`).
    public static func suffix(_ suffix: String) -> FaultPath {
        FaultPath { $0.hasSuffix(suffix) }
    }

    /// Paths containing `text` anywhere (a folder name, `/tenants/`).
    public static func containing(_ text: String) -> FaultPath {
        FaultPath { $0.contains(text) }
    }

    /// Whether the rule applies to `path`.
    public func matches(_ path: String) -> Bool {
        test(PathText.normalized(path))
    }
}
