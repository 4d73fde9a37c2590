import BERS
import BERSJSON
import BERSTestSupport
import Foundation
import Synchronization
import Testing

/// Planning and writing migrations on a project on disk with JSON and YAML layers: the files
/// written, the counter, dry runs, refusals that write nothing, re-runs and interruptions.
@Suite struct KeyMigrationApplyTests {
    static let schema = #"""
        {"type": "object", "required": ["api"],
         "properties": {"api": {"type": "object", "additionalProperties": false, "required": ["timeoutMs"],
                                "properties": {"timeoutMs": {"type": "integer", "minimum": 1000}, "base": {"type": "string"}}},
                        "http": {"type": "object"}, "features": {"type": "object"}}}
        """#

    static let stepOne = step(
        #"{"op": "change-type", "path": "api.timeout", "conversion": "string-to-number"}"#,
        #"{"op": "change-type", "path": "api.timeout", "conversion": "seconds-to-milliseconds"}"#,
        #"{"op": "rename", "path": "api.timeout", "to": "timeoutMs"}"#,
        description: "api.timeout is api.timeoutMs, in milliseconds"
    )
    static let stepTwo = step(
        #"{"op": "move", "from": "api.retries", "to": "http.retries"}"#,
        #"{"op": "remove", "path": "features.legacy"}"#,
        #"{"op": "set-default", "path": "http.rateLimit", "value": 100}"#,
        description: "retries under http"
    )

    /// A project with a JSON default layer, a YAML staging layer with comments, a local layer,
    /// a schema that wants the migrated shape, and two steps.
    private func makeProject(applied: Int? = nil) throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory(prefix: "bers-key-migrations")
        let counter = applied.map { #", "migrations": {"applied": \#($0)}"# } ?? ""
        try folder.write("config/bers.json", #"{"description": "test", "schema": "app.schema.json"\#(counter)}"#)
        try folder.write("config/app.schema.json", Self.schema)
        try folder.write(
            "config/default.json",
            #"{"api": {"base": "https://x", "timeout": "30", "retries": 2}, "features": {"legacy": true, "chat": true}}"#
        )
        try folder.write("config/staging.yaml", "# staging\napi:\n  timeout: 8  # seconds\n")
        try folder.write("config/production.local.json", #"{"api": {"timeout": 60}}"#)
        try folder.write("config/migrations/0001-timeout-ms.json", Self.stepOne)
        try folder.write("config/migrations/0002-retries.json", Self.stepTwo)
        return folder
    }

    private func project(_ folder: TemporaryDirectory) throws -> ConfigProject {
        try ConfigProject(directory: folder.path + "/config")
    }

    /// The SHA-256 of every file under the folder, by relative path.
    private func hashes(_ folder: TemporaryDirectory) throws -> [String: String] {
        var result: [String: String] = [:]
        let root = folder.url.path
        for case let path as String in FileManager.default.enumerator(atPath: root) ?? NSEnumerator() {
            let full = root + "/" + path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else {
                continue
            }
            result[path] = BERSDigest.sha256Hex(try Data(contentsOf: URL(fileURLWithPath: full)))
        }
        return result
    }

    private func read(_ folder: TemporaryDirectory, _ name: String) throws -> String {
        try String(contentsOfFile: folder.path + "/config/" + name, encoding: .utf8)
    }

    @Test func appliesEveryStepToJSONAndYAMLLayersAndCountsThem() async throws {
        let folder = try makeProject()
        defer { folder.remove() }
        let plan = try project(folder).keyMigrationPlan()
        #expect(plan.applied == 0 && plan.appliedAfter == 2 && plan.steps.map(\.label) == ["0001", "0002"])
        #expect(plan.validatedEnvironments == ["development", "staging", "production"])
        let written = try await KeyMigrationWriter(fileSystem: LocalFileSystem()).write(plan)
        #expect(
            written.map { $0.split(separator: "/").last.map(String.init) ?? "" } == [
                "default.json", "staging.yaml", "production.local.json", "bers.json",
            ]
        )
        #expect(
            try read(folder, "default.json") == """
                {
                  "api": {
                    "base": "https://x",
                    "timeoutMs": 30000
                  },
                  "features": {
                    "chat": true
                  },
                  "http": {
                    "retries": 2,
                    "rateLimit": 100
                  }
                }

                """
        )
        #expect(try read(folder, "staging.yaml") == "api:\n  timeoutMs: 8000\n")
        #expect(
            try JSONValue(parsing: read(folder, "production.local.json")) == json(#"{"api": {"timeoutMs": 60000}}"#)
        )
        let settings = try read(folder, "bers.json")
        #expect(
            settings.hasPrefix(
                "{\n  \"description\": \"test\",\n  \"schema\": \"app.schema.json\",\n  \"migrations\": {"
            )
        )
        #expect(try project(folder).settings.migrations.applied == 2)
        #expect(try project(folder).resolveValidated(.production).value[pointer: "/api/timeoutMs"] == .integer(60000))
    }

    @Test func planningWritesNothing() throws {
        let folder = try makeProject()
        defer { folder.remove() }
        let before = try hashes(folder)
        let plan = try project(folder).keyMigrationPlan()
        #expect(!plan.files.isEmpty)
        #expect(try hashes(folder) == before)
    }

    @Test func aResultTheSchemaRejectsWritesNothing() throws {
        let folder = try makeProject()
        defer { folder.remove() }
        try folder.write("config/staging.yaml", "api:\n  timeout: 0.5\n")
        let before = try hashes(folder)
        let error = try #require(throws: ConfigError.self) { try project(folder).keyMigrationPlan() }
        #expect(error.code == .keyMigrationInvalidResult)
        #expect(
            error.message.contains("after migrations 0001–0002, staging would not be valid against app.schema.json")
        )
        #expect(
            error.details.contains {
                $0.hasPrefix("staging: ") && $0.contains("/api/timeoutMs: 500 is less than the minimum of 1000")
            }
        )
        #expect(try hashes(folder) == before)
    }

    @Test func aSecondRunFindsNothingPendingAndAResetCounterConverges() async throws {
        let folder = try makeProject()
        defer { folder.remove() }
        try await KeyMigrationWriter(fileSystem: LocalFileSystem()).write(try project(folder).keyMigrationPlan())
        let again = try project(folder).keyMigrationPlan()
        #expect(again.isEmpty && again.applied == 2 && again.text == "no pending migrations (applied: 2)")
        let migrated = try hashes(folder)
        // As after a crash before bers.json was written: the steps run again and change nothing.
        try folder.write("config/bers.json", #"{"description": "test", "schema": "app.schema.json"}"#)
        let rerun = try project(folder).keyMigrationPlan()
        #expect(rerun.steps.count == 2 && rerun.files.isEmpty)
        try await KeyMigrationWriter(fileSystem: LocalFileSystem()).write(rerun)
        #expect(try hashes(folder) == migrated)
    }

    @Test func onlyPendingStepsRun() throws {
        let folder = try makeProject(applied: 1)
        defer { folder.remove() }
        try folder.write(
            "config/default.json",
            #"{"api": {"timeoutMs": 30000, "retries": 2}, "features": {"legacy": true}}"#
        )
        try folder.write("config/staging.yaml", "api:\n  timeoutMs: 8000\n")
        try folder.write("config/production.local.json", "{}")
        let plan = try project(folder).keyMigrationPlan()
        #expect(plan.steps.map(\.number) == [2])
        #expect(plan.files.map { $0.path.hasSuffix("default.json") } == [true])
    }

    @Test func moreAppliedStepsThanStepsIsAnError() throws {
        let folder = try makeProject(applied: 3)
        defer { folder.remove() }
        let error = try #require(throws: ConfigError.self) { try project(folder).keyMigrationPlan() }
        #expect(error.code == .keyMigrationInvalidState)
        #expect(error.location?.file.hasSuffix("config/bers.json") == true)
    }

    @Test func yamlLayersWithCommentsAreFlagged() throws {
        let folder = try makeProject()
        defer { folder.remove() }
        let plan = try project(folder).keyMigrationPlan()
        let yaml = try #require(plan.files.first { $0.isYAML })
        #expect(yaml.losesComments)
        #expect(plan.files.filter { !$0.isYAML }.allSatisfy { !$0.losesComments })
        try folder.write("config/staging.yaml", "api:\n  timeout: \"8 # not a comment\"\n  url: http://x/#anchor\n")
        try folder.write(
            "config/migrations/0001-timeout-ms.json",
            step(#"{"op": "rename", "path": "api.timeout", "to": "timeoutMs"}"#)
        )
        try folder.write("config/migrations/0002-retries.json", step(#"{"op": "remove", "path": "api.url"}"#))
        try folder.write("config/app.schema.json", "{}")
        let uncommented = try #require(try project(folder).keyMigrationPlan().files.first { $0.isYAML })
        #expect(!uncommented.losesComments)
    }

    @Test func anInterruptedRunIsCompletedByRunningAgain() async throws {
        let clean = try makeProject()
        defer { clean.remove() }
        try await KeyMigrationWriter(fileSystem: LocalFileSystem()).write(try project(clean).keyMigrationPlan())
        let folder = try makeProject()
        defer { folder.remove() }
        let failing = FailingFileSystem(failingWrite: 2)
        await #expect(throws: ConfigError.self) {
            try await KeyMigrationWriter(fileSystem: failing).write(try project(folder).keyMigrationPlan())
        }
        #expect(try project(folder).settings.migrations.applied == 0)
        let resumed = try project(folder).keyMigrationPlan()
        #expect(!resumed.files.contains { $0.path.hasSuffix("default.json") })
        try await KeyMigrationWriter(fileSystem: LocalFileSystem()).write(resumed)
        for name in ["default.json", "staging.yaml", "production.local.json", "bers.json"] {
            #expect(try read(folder, name) == read(clean, name), "\(name)")
        }
    }

    @Test func theWriterPausesBetweenWritesAndRefusesAStalePlan() async throws {
        let folder = try makeProject()
        defer { folder.remove() }
        let plan = try project(folder).keyMigrationPlan()
        try folder.write("config/staging.yaml", "api:\n  timeout: 9\n")
        let before = try hashes(folder)
        let error = await #expect(throws: ConfigError.self) {
            try await KeyMigrationWriter(fileSystem: LocalFileSystem()).write(plan)
        }
        #expect(error?.code == .keyMigrationStalePlan)
        #expect(try hashes(folder) == before)
        let pauses = Mutex(0)
        let fresh = try project(folder).keyMigrationPlan()
        try await KeyMigrationWriter(fileSystem: LocalFileSystem(), pause: { pauses.withLock { $0 += 1 } }).write(fresh)
        #expect(pauses.withLock { $0 } == fresh.writes.count - 1)
    }
}

/// The local file system, failing its `n`-th write (1-based).
final class FailingFileSystem: FileSystem {
    private let base = LocalFileSystem()
    private let failingWrite: Int
    private let writes = Mutex(0)

    init(failingWrite: Int) { self.failingWrite = failingWrite }

    func contentsOfDirectory(atPath path: String) throws(ConfigError) -> [String] {
        try base.contentsOfDirectory(atPath: path)
    }

    func contents(atPath path: String, maxBytes: Int) throws(ConfigError) -> [UInt8] {
        try base.contents(atPath: path, maxBytes: maxBytes)
    }

    func itemKind(atPath path: String) -> FileItemKind { base.itemKind(atPath: path) }

    func write(_ bytes: [UInt8], toPath path: String) throws(ConfigError) {
        let count = writes.withLock { count in
            count += 1
            return count
        }
        if count == failingWrite { throw ConfigError(.writeFailed, "cannot write \(path): disk full (test)") }
        try base.write(bytes, toPath: path)
    }

    func createDirectory(atPath path: String) throws(ConfigError) { try base.createDirectory(atPath: path) }
}
