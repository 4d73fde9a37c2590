import BERS
import BERSTesting
import Testing

/// A live configuration whose files cannot be read at the next reload: the reload is refused
/// with the typed error and the last good generation stays current; once the files can be read
/// again the next reload applies.
@Suite struct LiveReloadFaultTests {
    static let faults: [(FileSystemFaultRule, ConfigError.Code)] = [
        (FileSystemFaultRule(.list, path: .exact("config"), fault: .ioError), .unreadable),
        (FileSystemFaultRule(.read, path: .suffix("bers.json"), fault: .permissionDenied), .unreadable),
        (FileSystemFaultRule(.read, path: .suffix("default.json"), fault: .ioError), .unreadable),
        (FileSystemFaultRule(.read, path: .suffix("production.json"), fault: .isADirectory), .unreadable),
        (FileSystemFaultRule(.read, path: .suffix("app.schema.json"), fault: .diskFull), .invalidSchema),
    ]

    @Test(arguments: 0..<faults.count)
    func aFailedReadKeepsTheLastGoodGeneration(fault: Int) throws {
        let memory = InMemoryFileSystem(ResolveFaultTests.files)
        let files = FaultInjectingFileSystem(wrapping: memory)
        let live = try LiveConfiguration(
            directory: "config",
            environment: .production,
            fileSystem: files,
            logger: nil
        )
        memory.setFile("config/production.json", #"{"api": {"timeout": 3000}}"#)
        files.add(Self.faults[fault].0)
        guard case .refused(let refused) = live.reload() else {
            Issue.record("a reload that cannot read its files must be refused")
            return
        }
        #expect(refused.error.code == Self.faults[fault].1, "\(refused.error)")
        #expect(refused.keptGeneration == 1)
        #expect(live.current.number == 1)
        #expect(try live.current.configuration.int("api.timeout") == 2000)
        #expect(!files.injected.isEmpty)

        files.removeAllRules()
        guard case .applied(let applied) = live.reload() else {
            Issue.record("the reload after the fault must apply the new files")
            return
        }
        #expect(applied.generation.number == 2)
        #expect(try live.current.configuration.int("api.timeout") == 3000)
    }
}
