import BERS
import BERSTesting
import Testing

/// Configuration-key migrations on a disk that fails part way.
///
/// The writer replaces one file at
/// a time and `bers.json` last, as documented: a failure leaves the files before it migrated
/// (each complete), the rest and the counter untouched; running the migration again completes it.
@Suite struct KeyMigrationFaultTests {
    static let rename = step(#"{"op": "rename", "path": "api.timeout", "to": "timeoutMs"}"#)

    private func fixture() -> KeyMigrationFixture {
        KeyMigrationFixture(
            [
                "bers.json": "{}",
                "default.json": #"{"api": {"timeout": 1000}}"#,
                "production.json": #"{"api": {"timeout": 2000}}"#,
            ],
            steps: [Self.rename]
        )
    }

    @Test(arguments: [FileSystemFault.diskFull, .ioError, .permissionDenied, .isADirectory])
    func aFailedSecondWriteLeavesTheCounterAndIsCompletedByRunningAgain(fault: FileSystemFault) async throws {
        let fixture = fixture()
        let files = FaultInjectingFileSystem(wrapping: fixture.files)
        let project = try ConfigProject(directory: "config", fileSystem: files)
        let plan = try project.keyMigrationPlan()
        #expect(plan.writes.map(\.path) == ["config/default.json", "config/production.json", "config/bers.json"])
        files.add(FileSystemFaultRule(.write, when: .onCall(2), fault: fault))
        let error = await #expect(throws: ConfigError.self) {
            try await KeyMigrationWriter(fileSystem: files).write(plan)
        }
        #expect(error?.code == .writeFailed)
        #expect(fixture.json("default.json") == json(#"{"api": {"timeoutMs": 1000}}"#))
        #expect(fixture.text("production.json") == #"{"api": {"timeout": 2000}}"#)
        #expect(fixture.text("bers.json") == "{}")

        files.removeAllRules()
        let again = try ConfigProject(directory: "config", fileSystem: files).keyMigrationPlan()
        try await KeyMigrationWriter(fileSystem: files).write(again)
        #expect(fixture.json("default.json") == json(#"{"api": {"timeoutMs": 1000}}"#))
        #expect(fixture.json("production.json") == json(#"{"api": {"timeoutMs": 2000}}"#))
        #expect(fixture.json("bers.json")?["migrations"]?["applied"] == 1)
    }

    @Test func anUnreadableLayerStopsThePlanBeforeAnyWrite() throws {
        let fixture = fixture()
        let files = FaultInjectingFileSystem(
            wrapping: fixture.files,
            rules: [FileSystemFaultRule(.read, path: .suffix("production.json"), fault: .ioError)]
        )
        let error = #expect(throws: ConfigError.self) {
            try ConfigProject(directory: "config", fileSystem: files).keyMigrationPlan()
        }
        #expect(error?.code == .unreadable)
        #expect(fixture.text("default.json") == #"{"api": {"timeout": 1000}}"#)
    }
}
