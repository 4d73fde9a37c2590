import BERSJSON
import BERSTestSupport
import Foundation
import Testing

/// `bers tenant migrate`, `history` and `rollback` as a user runs them, on copies of the real
/// Picasso fixtures and of the example store: plans, the RFC 6902 patch, backups, refusals, and
/// the conditional write of `tenant put` and `tenant migrate` against a concurrent edit.
@Suite(
    .enabled(if: CLIRunner.isAvailable, "the bers executable was not built"),
    .enabled(if: SharedFixtures.isAvailable, SharedFixtures.skipReason)
)
struct TenantMigrateCommandTests {
    /// The four show_info CTAs of MYR384719 that get a prompt, with the text each prompt names.
    private static let prompts = [
        ("view_requirements", "Requirements"), ("lovebox_info", "Love Box"), ("daretodream_info", "Dare to Dream"),
        ("view_programs", "Programs"),
    ]
    /// The three forms of MYR384719 and the program inferred from each key.
    private static let programs = [
        ("lovebox_application", "lovebox"), ("daretodream_application", "daretodream"),
        ("volunteer_general", "volunteer"),
    ]

    /// A temporary directory holding a copy of the shared fixture `name`; returns it and the
    /// copy's path.
    private func copyFixture(_ name: String) throws -> (folder: TemporaryDirectory, path: String) {
        let bytes = try #require(SharedFixtures.bytes("fixtures/picasso/tenants/\(name)"))
        let folder = try TemporaryDirectory(prefix: "bers-tenant-migrate")
        let path = folder.path + "/" + name
        try TenantFiles.write(bytes, to: path)
        return (folder, path)
    }

    private func now() -> Int64 { Int64(Date().timeIntervalSince1970) }

    // MARK: - Dry runs

    @Test func aDryRunOfTheRealFixtureNamesEveryChangeAndWritesNothing() throws {
        let (folder, path) = try copyFixture("MYR384719-config.json")
        defer { folder.remove() }
        let before = try TenantFiles.snapshot(folder.path)
        let result = try CLIRunner.run(["tenant", "migrate", path, "--to", "1.3", "--dry-run", "--config-dir", picasso])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "\(path): 1.1 → 1.3 (2 steps)")
        for (cta, text) in Self.prompts {
            #expect(
                lines.contains {
                    $0.hasPrefix("  + /cta_definitions/\(cta)/prompt: \"Tell me about \(text), including")
                },
                "\(cta)"
            )
        }
        for (form, program) in Self.programs {
            #expect(lines.contains("  + /conversational_forms/\(form)/program: \"\(program)\""), "\(form)")
        }
        #expect(lines.contains("  ~ /version: \"1.2\" -> \"1.3\""))
        #expect(lines.contains { $0.hasPrefix("stamp: ~ /generated_at: 1750067246 -> ") })
        let warnings = lines.filter { $0.hasPrefix("warning: ") }
        #expect(warnings.count == 7)
        #expect(warnings.allSatisfy { $0.hasPrefix("warning: \(path):") && $0.contains("[tenant.migration-note]") })
        let notes = lines.filter { $0.hasPrefix("note (already in the document, not blocking): ") }
        #expect(notes.count == 2)
        #expect(notes.first?.contains("[tenant.unknown-cta] /conversation_branches/daretodream_discussion") == true)
        #expect(notes.last?.contains("[tenant.unknown-form] /cta_definitions/check_eligibility/formId") == true)
        #expect(!lines.contains { $0.hasPrefix("error") })
        #expect(lines.last == "dry run: nothing written")
        #expect(try TenantFiles.snapshot(folder.path) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["MYR384719-config.json"])
    }

    @Test func theJSONPlanCarriesAnRFC6902PatchThatReproducesTheMigration() throws {
        let (folder, path) = try copyFixture("MYR384719-config.json")
        defer { folder.remove() }
        let original = try TenantFiles.bytes(path)
        let start = now()
        let dry = try CLIRunner.run([
            "tenant", "migrate", path, "--to", "1.3", "--dry-run", "--json", "--config-dir", picasso,
        ])
        #expect(dry.status == 0, "\(dry.stderr)")
        let plan = try JSONValue(parsing: dry.stdout)
        #expect(plan["file"] == .string(path) && plan["from"] == "1.1" && plan["to"] == "1.3")
        #expect(plan["blocked"] == .bool(false) && plan["dryRun"] == .bool(true))
        #expect(plan["written"] == .null && plan["backup"] == .null)
        #expect(plan["errors"] == .array([]) && plan["introduced"] == .array([]))
        #expect(plan["warnings"]?.arrayValue?.count == 7)
        #expect(plan["warnings"]?.arrayValue?.allSatisfy { $0["code"] == "tenant.migration-note" } == true)
        #expect(
            plan["preExisting"]?.arrayValue?.compactMap { $0["code"]?.stringValue } == [
                "tenant.unknown-cta", "tenant.unknown-form",
            ]
        )
        let steps = try #require(plan["steps"]?.arrayValue)
        #expect(steps.map { [$0["from"], $0["to"]] } == [["1.1", "1.2"], ["1.2", "1.3"]])
        #expect(steps.last?["warnings"]?.arrayValue?.count == 7)
        #expect(try TenantFiles.bytes(path) == original)

        // The same migration for real, on a second copy.
        let (other, otherPath) = try copyFixture("MYR384719-config.json")
        defer { other.remove() }
        let real = try CLIRunner.run(["tenant", "migrate", otherPath, "--to", "1.3", "--json", "--config-dir", picasso])
        #expect(real.status == 0, "\(real.stderr)")
        let report = try JSONValue(parsing: real.stdout)
        #expect(report["written"] == "MYR384719-config.json" && report["dryRun"] == .bool(false))
        let migrated = try TenantFiles.json(try TenantFiles.bytes(otherPath))
        let end = now()

        // The whole patch, applied by an independent RFC 6902 implementation.
        let patch = try #require(plan["patch"])
        try RFC6902.checkShape(patch)
        let patched = try RFC6902.apply(patch, to: try TenantFiles.json(original))
        #expect(patched["version"] == "1.3")
        let stamp = try #require(patched["generated_at"]?.integerValue)
        #expect(stamp >= start && stamp <= end)
        #expect(TenantFiles.without("generated_at", in: patched) == TenantFiles.without("generated_at", in: migrated))
        // The steps' patches in order give the same document, less the stamp.
        var stepwise = try TenantFiles.json(original)
        for step in steps { stepwise = try RFC6902.apply(try #require(step["patch"]), to: stepwise) }
        #expect(stepwise["generated_at"] == .integer(1_750_067_246))
        #expect(TenantFiles.without("generated_at", in: stepwise) == TenantFiles.without("generated_at", in: migrated))
    }

    // MARK: - Writing

    @Test func migratingAFileWritesItInPlaceWithItsBackupBeside() throws {
        let (folder, path) = try copyFixture("MYR384719-config.json")
        defer { folder.remove() }
        let original = try TenantFiles.bytes(path)
        let start = Date().addingTimeInterval(-1)
        let result = try CLIRunner.run(["tenant", "migrate", path, "--to", "1.3", "--config-dir", picasso])
        #expect(result.status == 0, "\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names.count == 2)
        let backup = try #require(names.first { $0 != "MYR384719-config.json" })
        #expect(TenantFiles.isBackup(backup, stem: "MYR384719-config"), "\(backup)")
        #expect(backup.wholeMatch(of: #/MYR384719-config-[0-9]{8}T[0-9]{6}Z\.json/#) != nil)
        let taken = try #require(TenantFiles.backupTime(backup))
        #expect(taken >= start && taken <= Date().addingTimeInterval(1))
        #expect(result.stdout.hasSuffix("wrote MYR384719-config.json\nkept the previous version as \(backup)\n"))
        #expect(try TenantFiles.bytes(folder.path + "/" + backup) == original)

        let migrated = try TenantFiles.json(try TenantFiles.bytes(path))
        #expect(migrated["version"] == "1.3")
        for (cta, text) in Self.prompts {
            #expect(migrated["cta_definitions"]?[cta]?["prompt"]?.stringValue?.contains(text) == true)
        }
        for (form, program) in Self.programs {
            #expect(migrated["conversational_forms"]?[form]?["program"] == .string(program))
        }
        // Valid at 1.3: only the two problems the fixture always had remain.
        let validation = try CLIRunner.run(["tenant", "validate", path, "--config-dir", picasso, "--json"])
        let report = try JSONValue(parsing: validation.stdout)
        #expect(
            report["errors"]?.arrayValue?.compactMap { $0["code"]?.stringValue } == [
                "tenant.unknown-cta", "tenant.unknown-form",
            ]
        )

        // A second run has nothing to do and keeps no second backup.
        let again = try CLIRunner.run(["tenant", "migrate", path, "--to", "1.3", "--config-dir", picasso])
        #expect(again.status == 0)
        #expect(again.stdout.hasSuffix("nothing to migrate: the document is already at version 1.3\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == 2)
    }

    @Test func theBackupsOfAFileAreFoundWithoutWalkingTheFoldersBesideIt() throws {
        let (folder, path) = try copyFixture("MYR384719-config.json")
        defer { folder.remove() }
        // A folder beside the file that leads to the whole file system (and its unreadable
        // corners): only names starting with the file's stem are looked at.
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/everything", withDestinationPath: "/")
        try folder.write("MYR384719-config-20261204T100000Z.json", #"{"version": "1.0"}"#)
        try folder.write("MYR384719-config-notes.json", "{}")
        try folder.write("other-20261204T100000Z.json", "{}")
        let history = try CLIRunner.run(["tenant", "history", path, "--json"])
        #expect(history.status == 0, "\(history.stderr)")
        let entries = try JSONValue(parsing: history.stdout).arrayValue ?? []
        #expect(
            entries.compactMap { $0["key"]?.stringValue } == [
                "MYR384719-config.json", "MYR384719-config-20261204T100000Z.json",
            ]
        )
        #expect(entries.map { $0["version"] } == ["1.1", "1.0"])
    }

    @Test func aStoreMigrationIsListedByHistoryAndUndoneByRollback() throws {
        let copy = try PicassoCopy()
        defer { copy.remove() }
        let directory = copy.tenantDirectory("DEMO200002")
        let original = try TenantFiles.bytes(copy.document("DEMO200002"))
        let others = try TenantFiles.snapshot(copy.tenantDirectory("DEMO100001"))

        let migrate = try CLIRunner.run([
            "tenant", "migrate", "deace9779fcea6", "--to", "1.5", "--config-dir", copy.config,
        ])
        #expect(migrate.status == 0, "\(migrate.stderr)")
        // The plan names a file store's document by its path.
        #expect(migrate.stdout.hasPrefix("\(copy.document("DEMO200002")): 1.0 → 1.5 (6 steps)\n"), "\(migrate.stdout)")
        let names = try TenantFiles.visibleNames(directory)
        #expect(names.count == 2)
        let firstBackup = try #require(names.first { $0 != "DEMO200002-config.json" })
        #expect(firstBackup.wholeMatch(of: #/DEMO200002-[0-9]{8}T[0-9]{6}Z\.json/#) != nil)
        #expect(migrate.stdout.contains("kept the previous version as tenants/DEMO200002/\(firstBackup)\n"))
        #expect(try TenantFiles.bytes(directory + "/" + firstBackup) == original)
        let migrated = try TenantFiles.bytes(copy.document("DEMO200002"))
        #expect(try TenantFiles.json(migrated)["version"] == "1.5")
        #expect(try TenantFiles.snapshot(copy.tenantDirectory("DEMO100001")) == others)

        let history = try CLIRunner.run(["tenant", "history", "deace9779fcea6", "--config-dir", copy.config])
        #expect(history.status == 0, "\(history.stderr)")
        let rows = history.stdout.split(separator: "\n").map(String.init)
        #expect(rows.count == 2)
        #expect(rows.first?.hasPrefix("current ") == true)
        #expect(rows.first?.contains("version 1.5") == true)
        #expect(rows.first?.hasSuffix("  tenants/DEMO200002/DEMO200002-config.json") == true)
        #expect(rows.last?.contains("version 1.0") == true)
        #expect(rows.last?.contains("\(original.count) bytes") == true)
        #expect(rows.last?.hasSuffix("  tenants/DEMO200002/\(firstBackup)") == true)

        // A dry run says what it would restore and writes nothing.
        let before = try TenantFiles.snapshot(directory)
        let dry = try CLIRunner.run([
            "tenant", "rollback", "deace9779fcea6", "--dry-run", "--config-dir", copy.config,
        ])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.hasPrefix("would restore tenants/DEMO200002/\(firstBackup) ("))
        #expect(dry.stdout.hasSuffix("; dry run: nothing written\n"))
        #expect(try TenantFiles.snapshot(directory) == before)

        // The rollback restores the exact bytes and keeps the version it replaces.
        let rollback = try CLIRunner.run([
            "tenant", "rollback", "deace9779fcea6", "--config-dir", copy.config, "--json",
        ])
        #expect(rollback.status == 0, "\(rollback.stderr)")
        let restored = try JSONValue(parsing: rollback.stdout)
        #expect(restored["restored"] == .string("tenants/DEMO200002/\(firstBackup)"))
        #expect(restored["written"] == "tenants/DEMO200002/DEMO200002-config.json")
        #expect(try TenantFiles.bytes(copy.document("DEMO200002")) == original)
        let secondKey = try #require(restored["backup"]?.stringValue)
        let secondBackup = String(secondKey.dropFirst("tenants/DEMO200002/".count))
        #expect(TenantFiles.isBackup(secondBackup, stem: "DEMO200002"), "\(secondBackup)")
        #expect(try TenantFiles.bytes(directory + "/" + secondBackup) == migrated)
        #expect(try TenantFiles.visibleNames(directory).count == 3)

        // Newest first: the current document, the backup the rollback took, the first one.
        let listed = try CLIRunner.run(["tenant", "history", "deace9779fcea6", "--config-dir", copy.config, "--json"])
        let entries = try #require(try JSONValue(parsing: listed.stdout).arrayValue)
        #expect(
            entries.compactMap { $0["key"]?.stringValue } == [
                "tenants/DEMO200002/DEMO200002-config.json", secondKey, "tenants/DEMO200002/\(firstBackup)",
            ]
        )
        #expect(entries.map { $0["current"] } == [.bool(true), .bool(false), .bool(false)])
        #expect(entries.map { $0["version"] } == ["1.0", "1.5", "1.0"])
        #expect(
            entries.map { $0["size"] } == [
                .integer(Int64(original.count)), .integer(Int64(migrated.count)), .integer(Int64(original.count)),
            ]
        )
        #expect(entries.first?["timestamp"] == .null)
        let times = entries.dropFirst().compactMap { $0["timestamp"]?.stringValue }
        #expect(times.count == 2 && times == times.sorted(by: >))
        #expect(entries.allSatisfy { $0["sha256"]?.stringValue?.count == 64 })
        #expect(entries.first?["sha256"] == entries.last?["sha256"])
        #expect(entries.first?["sha256"] != entries[1]["sha256"])
    }

    @Test func rollbackToATimeBeforeEveryBackupIsRefusedAndWritesNothing() throws {
        let copy = try PicassoCopy()
        defer { copy.remove() }
        let directory = copy.tenantDirectory("DEMO200002")
        let none = try CLIRunner.run(["tenant", "rollback", "deace9779fcea6", "--config-dir", copy.config])
        #expect(none.status == 1)
        #expect(none.stderr.contains("DEMO200002-config.json has no backups to restore"))
        let migrate = try CLIRunner.run(["tenant", "migrate", "deace9779fcea6", "--config-dir", copy.config])
        #expect(migrate.status == 0, "\(migrate.stderr)")
        let before = try TenantFiles.snapshot(directory)
        let early = try CLIRunner.run([
            "tenant", "rollback", "deace9779fcea6", "--to", "2001-02-03T04:05:06Z", "--config-dir", copy.config,
        ])
        #expect(early.status == 1)
        #expect(early.stderr.hasPrefix("error: "))
        #expect(early.stderr.contains("has no backup taken at or before 2001-02-03T04:05:06Z; the oldest is from 20"))
        let structured = try CLIRunner.run([
            "tenant", "rollback", "deace9779fcea6", "--to", "20010203T040506Z", "--json", "--config-dir", copy.config,
        ])
        #expect(structured.status == 1)
        #expect(try JSONValue(parsing: structured.stdout)[pointer: "/error/code"] == "tenant.migration-failed")
        let malformed = try CLIRunner.run([
            "tenant", "rollback", "deace9779fcea6", "--to", "yesterday", "--config-dir", copy.config,
        ])
        #expect(malformed.status == 2)
        #expect(malformed.stderr.contains("--to takes a UTC time such as 2026-12-04T10:00:00Z"))
        #expect(try TenantFiles.snapshot(directory) == before)
        // A time after the backup picks it.
        let later = try CLIRunner.run([
            "tenant", "rollback", "deace9779fcea6", "--to", "2999-01-01T00:00:00Z", "--dry-run", "--config-dir",
            copy.config,
        ])
        #expect(later.status == 0, "\(later.stderr)")
        #expect(later.stdout.hasPrefix("would restore tenants/DEMO200002/DEMO200002-"))
        #expect(try TenantFiles.snapshot(directory) == before)
    }

    // MARK: - Refusals

    @Test func aDocumentWithoutAVersionNeedsFrom() throws {
        let (folder, path) = try copyFixture("MYR384719-config.json")
        defer { folder.remove() }
        guard case .object(var object) = try TenantFiles.json(try TenantFiles.bytes(path)) else {
            Issue.record("the fixture is not an object")
            return
        }
        object["version"] = nil
        let unversioned = Array(JSONValue.object(object).jsonText.utf8)
        try TenantFiles.write(unversioned, to: path)

        let refused = try CLIRunner.run(["tenant", "migrate", path, "--to", "1.3", "--config-dir", picasso])
        #expect(refused.status == 1)
        #expect(
            refused.stderr.contains(
                "error: \(path):1:1: \(path) has no \"version\"; pass --from with the version it is written in"
            )
        )
        let structured = try CLIRunner.run([
            "tenant", "migrate", path, "--to", "1.3", "--json", "--config-dir", picasso,
        ])
        #expect(structured.status == 1)
        #expect(try JSONValue(parsing: structured.stdout)[pointer: "/error/code"] == "tenant.migration-failed")
        #expect(try TenantFiles.snapshot(folder.path) == ["MYR384719-config.json": unversioned])

        let accepted = try CLIRunner.run([
            "tenant", "migrate", path, "--to", "1.3", "--from", "1.1", "--json", "--config-dir", picasso,
        ])
        #expect(accepted.status == 0, "\(accepted.stderr)")
        let plan = try JSONValue(parsing: accepted.stdout)
        #expect(plan["from"] == "1.1" && plan["to"] == "1.3")
        let migrated = try TenantFiles.json(try TenantFiles.bytes(path))
        #expect(migrated["version"] == "1.3")
        let patched = try RFC6902.apply(try #require(plan["patch"]), to: .object(object))
        #expect(patched == migrated)
        let backup = try #require(plan["backup"]?.stringValue)
        #expect(try TenantFiles.bytes(folder.path + "/" + backup) == unversioned)
    }

    @Test func versionsTheChainCannotReachAreRefused() throws {
        let (folder, path) = try copyFixture("MYR384719-config.json")
        defer { folder.remove() }
        let before = try TenantFiles.snapshot(folder.path)
        let older = try CLIRunner.run(["tenant", "migrate", path, "--to", "1.0", "--config-dir", picasso])
        #expect(older.status == 1)
        #expect(
            older.stderr.contains(
                "error: the document is at version 1.1, newer than 1.0; migrations only go forward (bers tenant rollback restores an earlier document)"
            )
        )
        let unknown = try CLIRunner.run(["tenant", "migrate", path, "--to", "9.9", "--config-dir", picasso])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no migration step starts at version 1.5 on the way from 1.1 to 9.9"))
        #expect(unknown.stderr.contains("1.0 → 1.1 → 1.2 → 1.3 → 1.4 → 1.4.1 → 1.5"))
        let notAVersion = try CLIRunner.run([
            "tenant", "migrate", path, "--to", "latest", "--json", "--config-dir", picasso,
        ])
        #expect(notAVersion.status == 1)
        #expect(try JSONValue(parsing: notAVersion.stdout)[pointer: "/error/code"] == "tenant.migration-failed")
        #expect(try TenantFiles.snapshot(folder.path) == before)
    }

    /// ATL642715-enhanced-config.json as original-bers.md describes it: the older field shape,
    /// `form_settings`, and the forms volunteer / donation / general, of which donation names
    /// no program the migration could infer.
    private static let atlanta = """
        {
          "tenant_id": "ATL642715",
          "tenant_hash": "at807c3896fbd2",
          "subscription_tier": "Standard",
          "chat_title": "Atlanta Angels",
          "tone_prompt": "You are a warm assistant for Atlanta Angels.",
          "welcome_message": "Welcome! How can we help?",
          "version": "1.1",
          "generated_at": 1750067246,
          "conversational_forms": {
            "volunteer_signup": {
              "form_id": "volunteer_signup",
              "title": "Volunteer",
              "fields": [{"name": "phone", "type": "tel", "label": "Phone", "validation": "min:10"}]
            },
            "donation": {
              "form_id": "donation",
              "title": "Donate",
              "fields": [{"name": "amount", "type": "currency", "label": "Amount"}],
              "fulfillment": {"type": "redirect", "url": "https://example.org/give", "pass_data": true}
            },
            "general_inquiry": {
              "form_id": "general_inquiry",
              "title": "Contact us",
              "fields": [{"name": "question", "type": "text", "label": "Question",
                          "conditional": {"show_when": "phone", "equals": "yes"}}]
            }
          },
          "form_settings": {"max_retries": 3, "retry_prompt": "Sorry: {original_prompt}", "save_partial": true}
        }

        """

    @Test func aFormWithoutAnInferableProgramBlocksTheMigrationWithItsLocation() throws {
        let folder = try TemporaryDirectory(prefix: "bers-tenant-migrate")
        defer { folder.remove() }
        let path = try folder.write("ATL642715-enhanced-config.json", Self.atlanta).path
        let before = try TenantFiles.snapshot(folder.path)
        // Where the donation form's object starts, 1-based.
        let lines = Self.atlanta.split(separator: "\n", omittingEmptySubsequences: false)
        let row = try #require(lines.firstIndex { $0.contains("\"donation\": {") })
        let column = try #require(lines[row].firstIndex(of: "{")).utf16Offset(in: lines[row]) + 1
        let location = "\(path):\(row + 1):\(column)"

        let result = try CLIRunner.run(["tenant", "migrate", path, "--to", "1.3", "--config-dir", picasso])
        #expect(result.status == 1)
        #expect(
            result.stdout.contains(
                "error: \(location): [tenant.program-not-inferable] /conversational_forms/donation: form \"donation\" has no program"
            )
        )
        #expect(result.stdout.contains("  + /conversational_forms/volunteer_signup/program: \"volunteer\""))
        #expect(result.stdout.contains("  + /conversational_forms/general_inquiry/program: \"general\""))
        #expect(!result.stdout.contains("dry run") && !result.stdout.contains("wrote"))
        #expect(
            result.stderr == "error: \(path) cannot be migrated to 1.3 (1 problem); nothing was written\n",
            "\(result.stderr)"
        )
        let structured = try CLIRunner.run([
            "tenant", "migrate", path, "--to", "1.3", "--json", "--config-dir", picasso,
        ])
        #expect(structured.status == 1)
        let report = try JSONValue(parsing: structured.stdout)
        #expect(report["blocked"] == .bool(true) && report["written"] == .null && report["backup"] == .null)
        let errors = try #require(report["errors"]?.arrayValue)
        #expect(errors.count == 1)
        #expect(errors.first?["code"] == "tenant.program-not-inferable")
        #expect(errors.first?["pointer"] == "/conversational_forms/donation")
        #expect(errors.first?["location"] == .string(location))
        #expect(try TenantFiles.snapshot(folder.path) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["ATL642715-enhanced-config.json"])
    }

    // MARK: - Concurrent edits

    /// Starts `arguments` pausing after its backup, edits the document meanwhile, and returns
    /// how the command ended.
    private func runAgainstAConcurrentEdit(
        _ arguments: [String],
        copy: PicassoCopy,
        edit: [UInt8]
    ) async throws -> BackgroundBers.Result {
        let directory = copy.tenantDirectory("DEMO200002")
        let bers = try BackgroundBers(arguments, pauseMilliseconds: 800)
        let document = copy.document("DEMO200002")
        let edited = await bers.when {
            let names = (try? TenantFiles.visibleNames(directory)) ?? []
            return names.contains { TenantFiles.isBackup($0, stem: "DEMO200002") }
        } then: {
            try? TenantFiles.write(edit, to: document)
        }
        #expect(edited, "the backup never appeared")
        return try #require(await bers.finish())
    }

    @Test func putOverAConcurrentEditFailsWithAConflictAndKeepsTheEdit() async throws {
        let copy = try PicassoCopy()
        defer { copy.remove() }
        let original = try TenantFiles.bytes(copy.document("DEMO200002"))
        let text = String(decoding: original, as: UTF8.self)
        let draft = try copy.folder.write(
            "draft.json",
            text.replacingOccurrences(of: "Riverbend Food Pantry", with: "Riverbend Pantry (put)")
        )
        let edit = Array(text.replacingOccurrences(of: "Riverbend Food Pantry", with: "Riverbend (edited)").utf8)
        let result = try await runAgainstAConcurrentEdit(
            ["tenant", "put", draft.path, "--config-dir", copy.config, "--json"],
            copy: copy,
            edit: edit
        )
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        let error = try JSONValue(parsing: result.stdout)
        #expect(error[pointer: "/error/code"] == "tenant.conflict")
        #expect(error[pointer: "/error/message"]?.stringValue?.contains("changed since it was read") == true)
        #expect(try TenantFiles.bytes(copy.document("DEMO200002")) == edit)
        // The backup taken before the conflict is complete: the version the put read.
        let backups = try TenantFiles.visibleNames(copy.tenantDirectory("DEMO200002"))
            .filter { TenantFiles.isBackup($0, stem: "DEMO200002") }
        #expect(backups.count == 1)
        for name in backups {
            #expect(try TenantFiles.bytes(copy.tenantDirectory("DEMO200002") + "/" + name) == original)
        }
        // Once the edit is in, the put goes through (over the edit, which it keeps as a backup).
        let again = try CLIRunner.run(["tenant", "put", draft.path, "--config-dir", copy.config])
        #expect(again.status == 0, "\(again.stderr)")
        let kept = try TenantFiles.snapshot(copy.tenantDirectory("DEMO200002"))
        #expect(kept["DEMO200002-config.json"] == (try TenantFiles.bytes(draft.path)))
        #expect(kept.values.contains(edit))
    }

    @Test func migrateOverAConcurrentEditFailsWithAConflictAndKeepsTheEdit() async throws {
        let copy = try PicassoCopy()
        defer { copy.remove() }
        let original = try TenantFiles.bytes(copy.document("DEMO200002"))
        let text = String(decoding: original, as: UTF8.self)
        let edit = Array(text.replacingOccurrences(of: "Riverbend Food Pantry", with: "Riverbend (edited)").utf8)
        let result = try await runAgainstAConcurrentEdit(
            ["tenant", "migrate", "deace9779fcea6", "--to", "1.5", "--config-dir", copy.config],
            copy: copy,
            edit: edit
        )
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: file://"))
        #expect(result.stderr.contains("DEMO200002-config.json changed since it was read"))
        #expect(result.stderr.contains("nothing was written"))
        #expect(try TenantFiles.bytes(copy.document("DEMO200002")) == edit)
        // Migrating again starts from the edit.
        let again = try CLIRunner.run([
            "tenant", "migrate", "deace9779fcea6", "--to", "1.5", "--config-dir", copy.config,
        ])
        #expect(again.status == 0, "\(again.stderr)")
        let migrated = try TenantFiles.json(try TenantFiles.bytes(copy.document("DEMO200002")))
        #expect(migrated["chat_title"] == "Riverbend (edited)" && migrated["version"] == "1.5")
    }

    @Test func migrateOverAConcurrentEditReportsTheConflictCodeInJSON() async throws {
        let copy = try PicassoCopy()
        defer { copy.remove() }
        let text = String(decoding: try TenantFiles.bytes(copy.document("DEMO200002")), as: UTF8.self)
        let edit = Array(text.replacingOccurrences(of: "\"Free\"", with: "\"Standard\"").utf8)
        let result = try await runAgainstAConcurrentEdit(
            ["tenant", "migrate", "deace9779fcea6", "--json", "--config-dir", copy.config],
            copy: copy,
            edit: edit
        )
        #expect(result.status == 1)
        #expect(try JSONValue(parsing: result.stdout)[pointer: "/error/code"] == "tenant.conflict")
        #expect(try TenantFiles.bytes(copy.document("DEMO200002")) == edit)
    }
}

/// An RFC 6902 JSON Patch applier written for these tests, independent of the one in BERS:
/// `add`, `remove` and `replace` (the operations a migration's diff uses), with RFC 6901
/// pointers.
enum RFC6902 {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Checks that `patch` is an array of RFC 6902 operations: a known `op`, a `path` that is a
    /// JSON pointer, a `value` exactly when the operation needs one, and no other members.
    static func checkShape(_ patch: JSONValue) throws {
        guard let operations = patch.arrayValue, !operations.isEmpty else {
            throw Failure(description: "no operations")
        }
        for operation in operations {
            guard let object = operation.objectValue, let op = object["op"]?.stringValue,
                let path = object["path"]?.stringValue
            else { throw Failure(description: "not an operation: \(operation)") }
            guard ["add", "remove", "replace", "move", "copy", "test"].contains(op) else {
                throw Failure(description: "unknown op \(op)")
            }
            guard path.isEmpty || path.hasPrefix("/") else { throw Failure(description: "not a pointer: \(path)") }
            let needsValue = ["add", "replace", "test"].contains(op)
            guard (object["value"] != nil) == needsValue else { throw Failure(description: "value of \(operation)") }
            let allowed: Set<String> = ["op", "path", "value", "from"]
            guard object.keys.allSatisfy(allowed.contains) else {
                throw Failure(description: "members of \(operation)")
            }
        }
    }

    /// `document` with `patch` applied.
    static func apply(_ patch: JSONValue, to document: JSONValue) throws -> JSONValue {
        guard let operations = patch.arrayValue else { throw Failure(description: "a patch is an array") }
        var result = document
        for operation in operations {
            guard let op = operation["op"]?.stringValue, let path = operation["path"]?.stringValue else {
                throw Failure(description: "not an operation: \(operation)")
            }
            let tokens = try pointerTokens(path)
            switch op {
            case "add", "replace":
                guard let value = operation["value"] else { throw Failure(description: "\(op) without a value") }
                result = try set(value, at: tokens[...], in: result, op: op)
            case "remove":
                result = try set(nil, at: tokens[...], in: result, op: op)
            default:
                throw Failure(description: "unsupported op \(op)")
            }
        }
        return result
    }

    private static func pointerTokens(_ path: String) throws -> [String] {
        guard !path.isEmpty else { return [] }
        guard path.hasPrefix("/") else { throw Failure(description: "not a pointer: \(path)") }
        return path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
            .map {
                $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            }
    }

    private static func set(_ value: JSONValue?, at tokens: ArraySlice<String>, in node: JSONValue, op: String) throws
        -> JSONValue
    {
        guard let token = tokens.first else {
            guard let value else { throw Failure(description: "cannot remove the root") }
            return value
        }
        let rest = tokens.dropFirst()
        switch node {
        case .object(var object):
            if rest.isEmpty {
                if op != "add", object[token] == nil { throw Failure(description: "\(op): no member \(token)") }
                object[token] = value
            } else {
                guard let child = object[token] else { throw Failure(description: "no member \(token)") }
                object[token] = try set(value, at: rest, in: child, op: op)
            }
            return .object(object)
        case .array(var array):
            if rest.isEmpty, op == "add", let value {
                let index = token == "-" ? array.count : Int(token)
                guard let index, (0...array.count).contains(index) else { throw Failure(description: "index \(token)") }
                array.insert(value, at: index)
                return .array(array)
            }
            guard let index = Int(token), array.indices.contains(index) else {
                throw Failure(description: "index \(token)")
            }
            if !rest.isEmpty {
                array[index] = try set(value, at: rest, in: array[index], op: op)
            } else if let value {
                array[index] = value
            } else {
                array.remove(at: index)
            }
            return .array(array)
        default:
            throw Failure(description: "\(token) inside a \(node.typeName)")
        }
    }
}
