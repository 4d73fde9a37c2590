import BERS
import BERSTestSupport
import Foundation

/// A copy of `Examples/picasso` (config and tenants) in a temporary directory, so tests can
/// edit its files.
struct ServedExample: Sendable {
    let root: TemporaryDirectory

    /// The copy's config directory.
    var configDirectory: String { root.path + "/config" }

    init() throws {
        root = try TemporaryDirectory(prefix: "bers-serve")
        let example = SharedFixtures.packageRoot.appendingPathComponent("Examples/picasso")
        for folder in ["config", "tenants"] {
            try FileManager.default.copyItem(
                at: example.appendingPathComponent(folder),
                to: root.url.appendingPathComponent(folder)
            )
        }
    }

    /// Replaces `name` in the config directory, through a temporary file and a rename (an
    /// editor's save).
    func write(_ name: String, _ text: String) throws {
        let temporary = configDirectory + "/.\(name).tmp"
        try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, configDirectory + "/" + name) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// The hashes of the example's tenants (`tenants/mappings/*.json`), sorted.
    func tenantHashes() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.path + "/tenants/mappings")
            .filter { $0.hasSuffix(".json") }
            .map { String($0.dropLast(".json".count)) }
            .sorted()
    }

    /// The tenant store of the copy.
    func store() -> FileSystemTenantStore {
        FileSystemTenantStore(root: root.path + "/tenants")
    }
}
