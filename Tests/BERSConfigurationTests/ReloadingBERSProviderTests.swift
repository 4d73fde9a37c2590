import BERS
import BERSConfiguration
import BERSJSON
import BERSTestSupport
import Configuration
import ConfigurationTesting
import Foundation
import Logging
import ServiceLifecycle
import Testing

struct ReloadingBERSProviderTests {
    /// A live configuration over files in memory, reloaded by hand.
    private static func inMemory(_ timeout: String) throws -> (InMemoryFileSystem, ReloadingBERSProvider) {
        let files = InMemoryFileSystem(["config/default.json": #"{"api": {"timeout": \#(timeout)}}"#])
        let live = try LiveConfiguration(directory: "config", environment: .production, fileSystem: files, logger: nil)
        return (files, ReloadingBERSProvider(live: live))
    }

    @Test func passesSwiftConfigurationsProviderCompatTest() async throws {
        let live = try LiveConfiguration(
            directory: "config",
            environment: .production,
            fileSystem: ConfigurationFixtures.compatFiles(),
            logger: nil
        )
        try await ProviderCompatTest(provider: ReloadingBERSProvider(live: live)).runTest()
    }

    @Test func readsFollowTheCurrentGeneration() throws {
        let (files, provider) = try Self.inMemory("1000")
        let config = ConfigReader(provider: provider)
        #expect(config.int(forKey: "api.timeout") == 1000)
        files.setFile("config/default.json", #"{"api": {"timeout": 2000}}"#)
        #expect(config.int(forKey: "api.timeout") == 1000)
        provider.live.reload()
        #expect(config.int(forKey: "api.timeout") == 2000)
        #expect(provider.providerName == "ReloadingBERSProvider[production]")
        #expect(provider.description.hasSuffix("generation 2"))
    }

    @Test func aRefusedReloadKeepsTheValues() throws {
        let (files, provider) = try Self.inMemory("1000")
        files.setFile("config/default.json", #"{"api": {"timeout": "#)
        guard case .refused = provider.live.reload() else {
            Issue.record("an invalid file was not refused")
            return
        }
        #expect(ConfigReader(provider: provider).int(forKey: "api.timeout") == 1000)
        #expect(provider.currentSnapshot().configuration.environment == .production)
    }

    @Test func fetchReloadsTheFilesFirst() async throws {
        let (files, provider) = try Self.inMemory("1000")
        let config = ConfigReader(provider: provider)
        files.setFile("config/default.json", #"{"api": {"timeout": 3000}}"#)
        #expect(try await config.fetchInt(forKey: "api.timeout") == 3000)
        files.setFile("config/default.json", "not json")
        #expect(try await config.fetchInt(forKey: "api.timeout") == 3000)
    }

    @Test func aValueWatcherSeesValidChangesOnly() async throws {
        let (files, provider) = try Self.inMemory("1000")
        let config = ConfigReader(provider: provider)
        let seen = try await withDeadline {
            try await config.watchInt(forKey: "api.timeout") { updates in
                var values: [Int?] = []
                for await value in updates {
                    values.append(value)
                    if value == 1000 {
                        files.setFile("config/default.json", #"{"api": {"timeout": "#)
                        provider.live.reload()
                        files.setFile("config/default.json", #"{"api": {"retries": 1, "timeout": 1000}}"#)
                        provider.live.reload()
                        files.setFile("config/default.json", #"{"api": {"timeout": 2000}}"#)
                        provider.live.reload()
                    }
                    if value == 2000 { break }
                }
                return values
            }
        }
        #expect(seen == [1000, 2000])
    }

    @Test func aValueWatcherSeesAKeyDisappear() async throws {
        let (files, provider) = try Self.inMemory("1000")
        let seen = try await withDeadline {
            try await ConfigReader(provider: provider)
                .watchInt(forKey: "api.timeout") { updates in
                    var values: [Int?] = []
                    for await value in updates {
                        values.append(value)
                        guard value != nil else { break }
                        files.setFile("config/default.json", #"{"api": {}}"#)
                        provider.live.reload()
                    }
                    return values
                }
        }
        #expect(seen == [1000, nil])
    }

    @Test func aSnapshotWatcherSeesEachAppliedGeneration() async throws {
        let (files, provider) = try Self.inMemory("1000")
        let seen = try await withDeadline {
            try await ConfigReader(provider: provider)
                .watchSnapshot { updates in
                    var values: [Int?] = []
                    for await snapshot in updates {
                        values.append(snapshot.int(forKey: "api.timeout"))
                        if values.count == 1 {
                            files.setFile("config/default.json", "{")
                            provider.live.reload()
                            files.setFile("config/default.json", #"{"api": {"timeout": 4000}}"#)
                            provider.live.reload()
                        }
                        if values.count == 2 { break }
                    }
                    return values
                }
        }
        #expect(seen == [1000, 4000])
    }

    @Test func aWatcherGivesWhatItsHandlerReturnsAndReloadsGoOnAfterIt() async throws {
        let (files, provider) = try Self.inMemory("1000")
        let first = try await withDeadline {
            try await provider.watchValue(forKey: AbsoluteConfigKey(["api", "timeout"]), type: .int) { updates in
                await updates.first { _ in true }
            }
        }
        #expect(try first?.get().value?.content == .int(1000))
        files.setFile("config/default.json", #"{"api": {"timeout": 2000}}"#)
        guard case .applied = provider.live.reload() else {
            Issue.record("a valid change was not applied")
            return
        }
        #expect(ConfigReader(provider: provider).int(forKey: "api.timeout") == 2000)
    }

    @Test func theDirectoryInitializerRefusesABrokenProject() throws {
        let files = InMemoryFileSystem(["config/default.json": "[1, 2"])
        #expect(throws: BERS.ConfigError.self) {
            try ReloadingBERSProvider(directory: "config", environment: .production, fileSystem: files)
        }
    }

    /// Waits for the next refused reload among `events`.
    private static func nextRefusal(in events: AsyncStream<ReloadEvent>) async -> Bool {
        for await event in events {
            if case .refused = event { return true }
        }
        return false
    }

    @Test func inAServiceGroupEditsOnDiskReachTheWatcherAndInvalidOnesDoNot() async throws {
        let directory = try TemporaryDirectory(prefix: "bers-configuration")
        defer { directory.remove() }
        try directory.write("bers.json", #"{"reload": {"debounce-ms": 20}}"#)
        let file = try directory.write("default.json", #"{"api": {"timeout": 1000}}"#)
        let provider = try ReloadingBERSProvider(directory: directory.path, environment: .production)
        let config = ConfigReader(providers: [EnvironmentVariablesProvider(environmentVariables: [:]), provider])
        let group = ServiceGroup(services: [provider], gracefulShutdownSignals: [], logger: Logger(label: "test"))
        let running = Task { try await group.run() }
        let seen = try await withDeadline {
            try await config.watchInt(forKey: "api.timeout") { updates in
                var values: [Int?] = []
                for await value in updates {
                    values.append(value)
                    switch value {
                    case 1000:
                        try ConfigurationFixtures.write(#"{"api": {"timeout": 2000}}"#, to: file)
                    case 2000:
                        let events = provider.live.events()
                        try ConfigurationFixtures.write(#"{"api": {"timeout": "#, to: file)
                        #expect(await Self.nextRefusal(in: events))
                        #expect(config.int(forKey: "api.timeout") == 2000)
                        try ConfigurationFixtures.write(#"{"api": {"timeout": 3000}}"#, to: file)
                    default:
                        return values
                    }
                }
                return values
            }
        }
        await group.triggerGracefulShutdown()
        try await running.value
        #expect(seen == [1000, 2000, 3000])
        #expect(provider.live.current.number == 3)
    }
}
