import BERSJSON
import BERSTestSupport
import Foundation
import Testing

/// `tenant migrate`, `tenant rollback` and `tenant put` killed with SIGKILL at each point of a
/// change (before anything, after the backup, after the document), with
/// `BERS_TEST_WRITE_PAUSE_MS` holding the process between its writes: the document is always
/// the complete old or the complete new version, every backup is complete and holds the old
/// bytes, and temporary files never show up as documents or backups.
@Suite(.enabled(if: CLIRunner.isAvailable, "the bers executable was not built"))
struct TenantCrashSafetyTests {
    /// Where the process is killed.
    enum KillPoint: String, CaseIterable, Sendable, CustomTestStringConvertible {
        /// Right after it starts, before any write.
        case atStart
        /// Once the backup is written, while it pauses before writing the document.
        case afterBackup
        /// Once the document is written, while it pauses before finishing.
        case afterWrite

        var testDescription: String { rawValue }
    }

    /// How long the writer pauses between its steps.
    private static let pause = 600
    private static let tenant = "DEMO200002"
    private static let hash = "deace9779fcea6"

    /// A change to run and kill: the command, the document's bytes before it, how to recognise
    /// the complete new version, and the backups there were before.
    private struct Change {
        var copy: PicassoCopy
        var arguments: [String]
        var old: [UInt8]
        var isNew: ([UInt8]) -> Bool
        var earlierBackups: [String: [UInt8]]

        var directory: String { copy.tenantDirectory(TenantCrashSafetyTests.tenant) }
        var document: String { copy.document(TenantCrashSafetyTests.tenant) }
        var documentName: String { "\(TenantCrashSafetyTests.tenant)-config.json" }

        /// The backups written by the change (names not there before).
        func newBackups() throws -> [String] {
            try TenantFiles.visibleNames(directory)
                .filter { TenantFiles.isBackup($0, stem: TenantCrashSafetyTests.tenant) && earlierBackups[$0] == nil }
        }
    }

    @Test(arguments: KillPoint.allCases)
    func migrateKilled(at point: KillPoint) async throws {
        let reference = try PicassoCopy()
        defer { reference.remove() }
        let migrated = try CLIRunner.run([
            "tenant", "migrate", Self.hash, "--to", "1.5", "--config-dir", reference.config,
        ])
        try #require(migrated.status == 0, "\(migrated.stderr)")
        let expected = TenantFiles.without(
            "generated_at",
            in: try TenantFiles.json(try TenantFiles.bytes(reference.document(Self.tenant)))
        )
        let copy = try PicassoCopy()
        defer { copy.remove() }
        let change = Change(
            copy: copy,
            arguments: ["tenant", "migrate", Self.hash, "--to", "1.5", "--config-dir", copy.config],
            old: try TenantFiles.bytes(copy.document(Self.tenant)),
            isNew: { bytes in
                guard let value = try? TenantFiles.json(bytes) else { return false }
                return value["version"] == "1.5" && value["generated_at"]?.integerValue != nil
                    && TenantFiles.without("generated_at", in: value) == expected
            },
            earlierBackups: [:]
        )
        try await runAndKill(change, at: point)
        // A rerun completes the migration whatever was left.
        let rerun = try CLIRunner.run(change.arguments)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(change.isNew(try TenantFiles.bytes(change.document)))
    }

    @Test(arguments: KillPoint.allCases)
    func putKilled(at point: KillPoint) async throws {
        let copy = try PicassoCopy()
        defer { copy.remove() }
        let old = try TenantFiles.bytes(copy.document(Self.tenant))
        let text = String(decoding: old, as: UTF8.self)
        let draft = try copy.folder.write(
            "draft.json",
            text.replacingOccurrences(of: "Riverbend Food Pantry", with: "Riverbend Community Pantry")
        )
        let new = try TenantFiles.bytes(draft.path)
        let change = Change(
            copy: copy,
            arguments: ["tenant", "put", draft.path, "--config-dir", copy.config],
            old: old,
            isNew: { $0 == new },
            earlierBackups: [:]
        )
        try await runAndKill(change, at: point)
        let rerun = try CLIRunner.run(change.arguments)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(try TenantFiles.bytes(change.document) == new)
    }

    @Test(arguments: KillPoint.allCases)
    func rollbackKilled(at point: KillPoint) async throws {
        let copy = try PicassoCopy()
        defer { copy.remove() }
        let original = try TenantFiles.bytes(copy.document(Self.tenant))
        let migrated = try CLIRunner.run(["tenant", "migrate", Self.hash, "--to", "1.5", "--config-dir", copy.config])
        try #require(migrated.status == 0, "\(migrated.stderr)")
        let earlier = try TenantFiles.snapshot(copy.tenantDirectory(Self.tenant))
            .filter { TenantFiles.isBackup($0.key, stem: Self.tenant) }
        #expect(Array(earlier.values) == [original])
        let change = Change(
            copy: copy,
            arguments: ["tenant", "rollback", Self.hash, "--config-dir", copy.config],
            old: try TenantFiles.bytes(copy.document(Self.tenant)),
            isNew: { $0 == original },
            earlierBackups: earlier
        )
        try await runAndKill(change, at: point)
    }

    /// Runs `change` with the pause hook, kills it at `point`, and checks what is left.
    private func runAndKill(_ change: Change, at point: KillPoint) async throws {
        let bers = try BackgroundBers(change.arguments, pauseMilliseconds: Self.pause)
        let directory = change.directory
        let earlier = Set(change.earlierBackups.keys)
        let document = change.document
        let old = change.old
        switch point {
        case .atStart:
            break
        case .afterBackup:
            let reached = await bers.kill(when: {
                let names = (try? TenantFiles.visibleNames(directory)) ?? []
                return names.contains { TenantFiles.isBackup($0, stem: Self.tenant) && !earlier.contains($0) }
            })
            #expect(reached, "no backup appeared")
        case .afterWrite:
            let reached = await bers.kill(when: { (try? TenantFiles.bytes(document)).map { $0 != old } ?? false })
            #expect(reached, "the document never changed")
        }
        let killed = await bers.kill9()
        #expect(killed, "the process had finished before it was killed at \(point)")

        let left = try TenantFiles.bytes(change.document)
        #expect(left == change.old || change.isNew(left), "a partial document after a kill at \(point)")
        switch point {
        case .atStart, .afterBackup: #expect(left == change.old)
        case .afterWrite: #expect(change.isNew(left))
        }
        let backups = try change.newBackups()
        #expect(backups.count == (point == .atStart ? 0 : 1), "\(backups)")
        for name in backups {
            let bytes = try TenantFiles.bytes(change.directory + "/" + name)
            #expect(bytes == change.old, "\(name) is not the complete old version")
            #expect((try? TenantFiles.json(bytes)) != nil)
        }
        for (name, bytes) in change.earlierBackups {
            #expect(try TenantFiles.bytes(change.directory + "/" + name) == bytes, "\(name) changed")
        }
        // Nothing else is visible: temporary files are hidden (`.<name>.bers-tmp-…`).
        for name in try TenantFiles.visibleNames(change.directory) {
            #expect(name == change.documentName || TenantFiles.isBackup(name, stem: Self.tenant), "\(name)")
        }
        for name in try TenantFiles.hiddenNames(change.directory) {
            #expect(name.contains(".bers-tmp-"), "\(name)")
        }
        // The history lists the document and its complete backups, nothing more.
        let history = try CLIRunner.run(["tenant", "history", Self.hash, "--config-dir", change.copy.config, "--json"])
        #expect(history.status == 0, "\(history.stderr)")
        let entries = try JSONValue(parsing: history.stdout).arrayValue ?? []
        #expect(entries.count == 1 + change.earlierBackups.count + backups.count)
        #expect(entries.allSatisfy { $0["version"] != .null })
    }
}
