import Foundation
import Testing

/// Finds the shared data folder (`../shared` beside the checkout, or `$BERS_SHARED`) for tests
/// that use the official suites and the Picasso fixtures.
///
/// The data is never copied into the project. When it is absent (a user's fresh clone), tests that
/// need it are skipped with a message naming what is missing: use
/// `@Test(.enabled(if: SharedFixtures.isAvailable, SharedFixtures.skipReason))`.
public enum SharedFixtures {
    /// The shared folder, if present.
    public static let root: URL? = locate()

    /// Whether the shared folder was found.
    public static var isAvailable: Bool { root != nil }

    /// The message shown for skipped tests.
    public static let skipReason: Comment =
        "../shared (or $BERS_SHARED) not found: shared-data tests skipped"

    /// `root/relativePath`, or `nil` when the shared folder is absent.
    public static func url(_ relativePath: String) -> URL? {
        root?.appendingPathComponent(relativePath)
    }

    /// The file `root/relativePath` read whole, or `nil` when it is absent.
    public static func bytes(_ relativePath: String) -> [UInt8]? {
        guard let url = url(relativePath), let data = try? Data(contentsOf: url) else { return nil }
        return [UInt8](data)
    }

    /// The project checkout: the folder holding `Package.swift` and `Sources/BERS` (not the
    /// `Sanitizers` package, whose test folders link here).
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            let manifest = url.appendingPathComponent("Package.swift").path
            let core = url.appendingPathComponent("Sources/BERS").path
            if FileManager.default.fileExists(atPath: manifest), FileManager.default.fileExists(atPath: core) {
                return url
            }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    private static func locate() -> URL? {
        let fileManager = FileManager.default
        if let explicit = ProcessInfo.processInfo.environment["BERS_SHARED"], !explicit.isEmpty {
            let url = URL(fileURLWithPath: explicit)
            return fileManager.fileExists(atPath: url.path) ? url : nil
        }
        let candidate = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return fileManager.fileExists(atPath: candidate.appendingPathComponent("fixtures").path) ? candidate : nil
    }
}
