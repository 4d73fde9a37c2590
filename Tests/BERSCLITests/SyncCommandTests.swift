import BERSJSON
import BERSTestSupport
import Foundation
import Testing

@Suite(.enabled(if: CLIRunner.isAvailable, "the bers executable was not built"))
struct SyncCommandTests {
    private let tenants = "file://" + SharedFixtures.packageRoot.appendingPathComponent("Examples/picasso/tenants").path

    @Test func copiesAStoreAndAConfigDirectoryThenFindsNothingToDo() throws {
        let target = try TemporaryDirectory()
        defer { target.remove() }
        let to = "file://" + target.path
        let first = try CLIRunner.run(["sync", "--from", tenants, "--to", to, "--config-from", picasso, "--json"])
        #expect(first.status == 0, "\(first.stderr)")
        let report = try JSONValue(parsing: first.stdout)
        #expect(report["copied"]?.arrayValue?.contains("config/bers.json") == true)
        #expect(report["copied"]?.arrayValue?.contains("mappings/de613253a8fd66.json") == true)
        #expect(report["failed"] == [])
        let copied = try String(contentsOfFile: target.path + "/mappings/de613253a8fd66.json", encoding: .utf8)
        #expect(copied.contains("DEMO100001"))
        // The copy serves like the original: `bers tenant list` reads it.
        let list = try CLIRunner.run(["tenant", "list", "--store", to])
        #expect(list.stdout.contains("de613253a8fd66  DEMO100001"))
        let again = try CLIRunner.run(["sync", "--from", tenants, "--to", to, "--config-from", picasso])
        #expect(again.stdout.hasSuffix("copied 0, unchanged 16, failed 0; every copy verified\n"))
    }

    @Test func aDryRunSaysWhatWouldBeCopiedAndWritesNothing() throws {
        let target = try TemporaryDirectory()
        defer { target.remove() }
        let result = try CLIRunner.run(["sync", "--from", tenants, "--to", "file://" + target.path, "--dry-run"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("would copy mappings/de113d6b3e07e5.json"))
        #expect(result.stdout.hasSuffix("; nothing was written\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).isEmpty)
    }

    @Test func failedCopiesAreNotCalledVerified() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // A target whose root is a plain file: every write fails.
        let blocked = directory.path + "/blocked"
        try Data("not a directory".utf8).write(to: URL(fileURLWithPath: blocked))
        let result = try CLIRunner.run(["sync", "--from", tenants, "--to", "file://" + blocked])
        #expect(result.status == 1)
        #expect(!result.stdout.contains("every copy verified"), "\(result.stdout)")
        #expect(result.stdout.hasSuffix("copied 0, unchanged 0, failed 6\n"), "\(result.stdout)")
        #expect(result.stderr.contains("error: mappings/de613253a8fd66.json"))
    }

    @Test func anEmptySourceWarnsAndFailsUnlessAllowed() throws {
        let source = try TemporaryDirectory()
        let target = try TemporaryDirectory()
        defer {
            source.remove()
            target.remove()
        }
        let arguments = ["sync", "--from", "file://" + source.path, "--to", "file://" + target.path]
        let refused = try CLIRunner.run(arguments)
        #expect(refused.status == 1)
        #expect(refused.stdout.hasSuffix("copied 0, unchanged 0, failed 0; every copy verified\n"))
        #expect(refused.stderr.contains("warning: file://\(source.path) holds no mappings and no tenant documents"))
        #expect(refused.stderr.contains("--allow-empty"))
        let allowed = try CLIRunner.run(arguments + ["--allow-empty"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(allowed.stderr.contains("holds no mappings and no tenant documents"))
        // Only a config directory to copy: no source store, nothing to warn about.
        let configOnly = try CLIRunner.run(["sync", "--to", "file://" + target.path, "--config-from", picasso])
        #expect(configOnly.status == 0, "\(configOnly.stderr)")
        #expect(!configOnly.stderr.contains("warning"))
        let help = try CLIRunner.run(["sync", "--help"])
        #expect(help.stdout.contains("--allow-empty"))
    }

    @Test func badArgumentsAreUsageErrorsAndAMissingSourceFails() throws {
        #expect(try CLIRunner.run(["sync", "--to", "file:///tmp/x"]).status == 2)
        #expect(try CLIRunner.run(["sync", "--from", tenants]).status == 2)
        let missing = try CLIRunner.run(["sync", "--to", "file:///tmp/x", "--config-from", "/nonexistent-bers-dir"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("nonexistent-bers-dir"))
        let scheme = try CLIRunner.run(["sync", "--from", "ftp://x", "--to", "file:///tmp/x"])
        #expect(scheme.status != 0)
        #expect(scheme.stderr.contains("not a store URL") || scheme.stderr.contains("store"))
    }
}
