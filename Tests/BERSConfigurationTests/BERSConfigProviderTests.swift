import BERS
import BERSConfiguration
import BERSJSON
import BERSTestSupport
import Configuration
import ConfigurationTesting
import Logging
import Testing

struct BERSConfigProviderTests {
    @Test func passesSwiftConfigurationsProviderCompatTest() async throws {
        let provider = try BERSConfigProvider(
            directory: "config",
            environment: .production,
            fileSystem: ConfigurationFixtures.compatFiles()
        )
        try await ProviderCompatTest(provider: provider).runTest()
    }

    @Test func aConfigReaderReadsNestedKeysOfEveryType() throws {
        let config = ConfigReader(provider: try ConfigurationFixtures.typesProvider())
        #expect(config.int(forKey: "api.timeout") == 6000)
        #expect(config.double(forKey: "api.ratio") == 0.25)
        #expect(config.bool(forKey: "api.enabled") == true)
        #expect(config.string(forKey: "api.name") == "picasso")
        #expect(config.bytes(forKey: "blobs.one") == Array("magic".utf8))
        #expect(config.stringArray(forKey: "lists.names") == ["a", "b"])
        #expect(config.intArray(forKey: "lists.ports") == [80, 443])
        #expect(config.scoped(to: "api").int(forKey: "retries") == 2)
    }

    @Test func aConfigReaderGetsTheDefaultForAMissingOrMistypedKeyAndRequiredThrows() throws {
        let config = ConfigReader(provider: try ConfigurationFixtures.typesProvider())
        #expect(config.int(forKey: "api.missing", default: 5) == 5)
        #expect(config.int(forKey: "api.name", default: 5) == 5)
        let error = try #require(throws: BERSProviderError.self) { try config.requiredInt(forKey: "api.name") }
        #expect(error.code == .notConvertible)
        #expect(throws: (any Error).self) { try config.requiredInt(forKey: "api.missing") }
    }

    @Test func environmentVariablesInFrontOverrideBERS() throws {
        let environment = EnvironmentVariablesProvider(environmentVariables: ["API_TIMEOUT": "9000", "API_NAME": "env"])
        let config = ConfigReader(providers: [environment, try ConfigurationFixtures.typesProvider()])
        #expect(config.int(forKey: "api.timeout") == 9000)
        #expect(config.string(forKey: "api.name") == "env")
        #expect(config.int(forKey: "api.retries") == 2)
    }

    @Test func secretsAreRedactedInWhatAConfigReaderReports() throws {
        let reporter = CollectingReporter()
        let config = ConfigReader(provider: try ConfigurationFixtures.typesProvider(), accessReporter: reporter)
        #expect(config.string(forKey: "db.password") == "s3cr3t-password")
        #expect(config.string(forKey: "db.host") == "db.internal")
        let printed = reporter.events.map(\.description)
        #expect(printed.count == 2)
        #expect(printed.first?.contains("<REDACTED>") == true)
        #expect(printed.first?.contains("BERSConfigProvider[production]") == true)
        #expect(!printed.joined().contains("s3cr3t"))
        #expect(printed.last?.contains("db.internal") == true)
        let values = reporter.events.compactMap { try? $0.result.get() }
        #expect(values.map(\.isSecret) == [true, false])
        #expect(values.first.map { "\($0)" } == "[string: <REDACTED>]")
    }

    @Test func aSealedSecretIsAnErrorForTheReader() throws {
        let config = ConfigReader(provider: try ConfigurationFixtures.typesProvider())
        #expect(config.string(forKey: "db.sealed") == nil)
        let error = try #require(throws: BERSProviderError.self) { try config.requiredString(forKey: "db.sealed") }
        #expect(error.code == .sealedSecret)
    }

    @Test func fetchAndWatchGiveTheResolvedValue() async throws {
        let config = ConfigReader(provider: try ConfigurationFixtures.typesProvider())
        #expect(try await config.fetchInt(forKey: "api.timeout") == 6000)
        let first = try await config.watchInt(forKey: "api.timeout") { updates in
            await updates.first { _ in true }
        }
        #expect(first == 6000)
    }

    @Test func theDirectoryInitializerDetectsTheEnvironment() throws {
        let provider = try BERSConfigProvider(
            directory: "config",
            options: ResolveOptions(environmentVariables: ["BERS_ENV": "staging"]),
            fileSystem: ConfigurationFixtures.typesFiles()
        )
        #expect(provider.configuration.environment == .staging)
        #expect(provider.providerName == "BERSConfigProvider[staging]")
        #expect(ConfigReader(provider: provider).int(forKey: "api.timeout") == 1000)
    }

    @Test func misspelledVariablesAreWarningsOfTheProviderAndLoggedAtWarningLevel() throws {
        let log = RecordedLog()
        let provider = try BERSConfigProvider(
            directory: "config",
            options: ResolveOptions(environmentVariables: ["BERS_ENV": "stagin", "BERS__API__TIMOUT": "1"]),
            fileSystem: InMemoryFileSystem(["config/default.json": #"{"api": {"timeout": 1000}}"#]),
            logger: log.logger
        )
        #expect(provider.configuration.environment == .production)
        let expected = [
            "env-variable BERS_ENV=stagin ignored: unknown environment \"stagin\" (known: development, staging, production; did you mean staging?); using production from default-fallback",
            "BERS__API__TIMOUT matches no configuration key (api.timout); did you mean BERS__API__TIMEOUT (api.timeout)?; ignored",
        ]
        #expect(provider.warnings.map(\.message) == expected)
        #expect(provider.warnings.map(\.code) == [.detectionProblem, .unknownOverridePath])
        #expect(log.all.map(\.message) == expected)
        #expect(log.all.allSatisfy { $0.level == .warning })
        #expect(log.all.first?.metadata["code"] == "config.detection-problem")
    }

    @Test func aProviderWithNothingIgnoredHasNoWarnings() throws {
        let provider = try BERSConfigProvider(
            directory: "config",
            options: ResolveOptions(environmentVariables: ["BERS_ENV": "staging", "BERS__API__TIMEOUT": "2000"]),
            fileSystem: InMemoryFileSystem(["config/default.json": #"{"api": {"timeout": 1000}}"#])
        )
        #expect(provider.configuration.environment == .staging)
        #expect(provider.warnings.isEmpty)
    }

    @Test func theExampleProjectReadsAsTheFixturesTableSays() throws {
        for row in PicassoEndpointRow.table {
            let environment = try Environment(row.environment)
            let provider = try BERSConfigProvider(directory: ConfigurationFixtures.picasso, environment: environment)
            let config = ConfigReader(provider: provider)
            #expect(config.int(forKey: "api.timeout") == row.timeout)
            #expect(config.int(forKey: "api.retries") == row.retries)
            #expect(config.string(forKey: "logging.level") == row.logLevel)
            #expect(config.bool(forKey: "widget.debug") == row.debug)
        }
    }

    @Test func provenanceIsReadThroughTheProvider() throws {
        let provider = try ConfigurationFixtures.typesProvider()
        let provenance = try #require(provider.provenance(forKey: AbsoluteConfigKey(["api", "timeout"])))
        #expect(provenance.source.layer.name == "production")
        #expect(provider.currentSnapshot().configuration.environment == .production)
        #expect(provider.description.hasPrefix("BERSConfigProvider[production]"))
        #expect(!provider.debugDescription.contains("s3cr3t"))
    }

    @Test func aMissingDirectoryIsAConfigError() throws {
        let error = try #require(throws: BERS.ConfigError.self) {
            try BERSConfigProvider(directory: "nowhere", environment: .production, fileSystem: InMemoryFileSystem())
        }
        #expect(!error.message.isEmpty)
    }

    @Test func aConfigurationTheSchemaRefusesIsAConfigError() throws {
        let files = ConfigurationFixtures.typesFiles()
        files.setFile("config/production.json", #"{"api": {"timeout": 5}}"#)
        let error = try #require(throws: BERS.ConfigError.self) {
            try BERSConfigProvider(directory: "config", environment: .production, fileSystem: files)
        }
        #expect(error.code == .invalidConfiguration)
    }

    @Test func malformedJSONIsALocatedConfigError() throws {
        let files = InMemoryFileSystem(["config/default.json": #"{"api": {"timeout": }"#])
        let error = try #require(throws: BERS.ConfigError.self) {
            try BERSConfigProvider(directory: "config", environment: .production, fileSystem: files)
        }
        #expect(error.location?.file.hasSuffix("default.json") == true)
    }
}
