import BERS
import BERSTesting
import Testing

/// The fault-injecting file system itself: which calls its rules fail, the errors they throw,
/// and that everything else reaches the wrapped file system.
@Suite struct FaultInjectingFileSystemTests {
    private func files(_ rules: [FileSystemFaultRule]) -> FaultInjectingFileSystem {
        FaultInjectingFileSystem(
            wrapping: InMemoryFileSystem(["config/a.json": "a", "config/b.json": "b"]),
            rules: rules
        )
    }

    @Test func triggersCountTheCallsTheirRuleAppliesTo() throws {
        let triggers: [(FaultTrigger, [Bool])] = [
            (.always, [true, true, true, true]),
            (.onCall(2), [false, true, false, false]),
            (.afterCalls(2), [false, false, true, true]),
            (.firstCalls(3), [true, true, true, false]),
        ]
        for (trigger, expected) in triggers {
            let files = files([FileSystemFaultRule(.read, path: .suffix("a.json"), when: trigger, fault: .ioError)])
            var failed: [Bool] = []
            for _ in 0..<4 {
                _ = try files.contents(atPath: "config/b.json")  // not counted: another path
                failed.append((try? files.contents(atPath: "config/a.json")) == nil)
            }
            #expect(failed == expected, "\(trigger)")
        }
    }

    @Test func errorsAreTheOnesLocalFileSystemThrows() {
        let files = files([FileSystemFaultRule(Set(FileSystemOperation.allCases), fault: .diskFull)])
        let cases: [(ConfigError.Code, String, () throws -> Void)] = [
            (
                .unreadable, "cannot read config/a.json: No space left on device",
                { _ = try files.contents(atPath: "config/a.json") }
            ),
            (
                .unreadable, "cannot read directory config: No space left on device",
                { _ = try files.contentsOfDirectory(atPath: "config") }
            ),
            (
                .writeFailed, "cannot write config/c.json: No space left on device; nothing was written",
                { try files.write([1], toPath: "config/c.json") }
            ),
            (
                .writeFailed, "cannot create directory config/d: No space left on device",
                { try files.createDirectory(atPath: "config/d") }
            ),
            (
                .writeFailed, "cannot lock config: No space left on device",
                { try files.withExclusiveLock(onDirectory: "config") { () throws(ConfigError) in } }
            ),
        ]
        for (code, message, body) in cases {
            let error = #expect(throws: ConfigError.self) { try body() }
            #expect(error?.code == code)
            #expect(error?.message == message)
        }
        #expect(files.injected.map(\.operation) == [.read, .list, .write, .createDirectory, .lock])
        #expect(files.injected.first?.description == "read config/a.json: No space left on device")
        #expect(!files.fileExists(atPath: "config/c.json"))
    }

    @Test func aDirectoryInTheWayReadsAsADirectory() {
        let files = files([FileSystemFaultRule([.read, .write], path: .exact("config/./a.json"), fault: .isADirectory)])
        #expect(files.itemKind(atPath: "config/a.json") == .directory)
        #expect(files.itemKind(atPath: "config/b.json") == .file)
        let error = #expect(throws: ConfigError.self) { try files.contents(atPath: "config/a.json") }
        #expect(error?.message == "cannot read config/a.json: Is a directory")
    }

    @Test func pathsMatchExactlyBySuffixByTextOrByPredicate() {
        #expect(FaultPath.exact("config/a.json").matches("config//a.json"))
        #expect(!FaultPath.exact("config/a.json").matches("config/a.json5"))
        #expect(FaultPath.suffix("/a.json").matches("/tmp/config/a.json"))
        #expect(FaultPath.containing("/tenants/").matches("store/tenants/X/X-config.json"))
        #expect(FaultPath { $0.hasPrefix("/") }.matches("/x"))
        #expect(FaultPath.any.matches(""))
    }

    @Test func withoutRulesEverythingReachesTheWrappedFileSystem() throws {
        let files = files([FileSystemFaultRule(.write, fault: .diskFull)])
        files.removeAllRules()
        try files.write(Array("c".utf8), toPath: "config/c.json")
        #expect(try files.contents(atPath: "config/c.json") == Array("c".utf8))
        #expect(try files.contentsOfDirectory(atPath: "config") == ["a.json", "b.json", "c.json"])
        #expect(files.injected.isEmpty)
        files.add(FileSystemFaultRule(.read, when: .onCall(1), fault: .other("Stale file handle")))
        let error = #expect(throws: ConfigError.self) { try files.contents(atPath: "config/a.json") }
        #expect(error?.message == "cannot read config/a.json: Stale file handle")
    }
}
