import BERS
import BERSJSON
import BERSTestSupport
import Testing

struct TenantRuntimeTests {
    static let config = SharedFixtures.packageRoot.appendingPathComponent("Examples/picasso/config").path
    static let tenants = SharedFixtures.packageRoot.appendingPathComponent("Examples/picasso/tenants").path

    func runtime(_ store: any TenantStore = FileSystemTenantStore(root: tenants)) throws -> TenantRuntime {
        try TenantRuntime(project: try ConfigProject(directory: Self.config), store: store)
    }

    @Test func tenantOverridesOnTheAllowListApplyWithProvenance() async throws {
        let served = try await runtime().resolve(environment: .production, tenant: try TenantHash("de113d6b3e07e5"))
        #expect(served.source.name == "store")
        #expect(try served.configuration.int("api.timeout") == 9000)
        #expect(try served.configuration.bool("features.streamingEnabled") == false)
        let timeout = try #require(served.configuration.provenance(at: "api.timeout"))
        #expect(timeout.source.layer.kind == .tenant)
        #expect(timeout.source.layer.name == "tenant de113d6b3e07e5")
        #expect(timeout.source.location?.file.hasSuffix("DEMO300003-config.json") == true)
        #expect(timeout.overrode.first?.value == 6000)
        #expect(served.refusedOverrides.isEmpty)
    }

    @Test func variablesApplyAboveTheTenantAndTheirDiagnosticsAppearOnce() async throws {
        let options = ResolveOptions(environmentVariables: ["BERS__API__RETRIES": "3", "BERS__NO__SUCH": "1"])
        let runtime = try runtime()
        let hash = try TenantHash("de113d6b3e07e5")
        for _ in 0..<2 {
            let served = try await runtime.resolve(environment: .production, tenant: hash, options: options)
            #expect(try served.configuration.int("api.timeout") == 9000)
            #expect(try served.configuration.int("api.retries") == 3)
            #expect(served.configuration.diagnostics.map(\.code) == [.unknownOverridePath])
        }
        let plain = try await runtime.resolve(environment: .production, tenant: hash)
        #expect(try plain.configuration.int("api.retries") == 2)
        #expect(plain.configuration.diagnostics.isEmpty)
    }

    @Test func overridesOutsideTheAllowListAreRefused() async throws {
        let store = ScriptedTenantStore([
            "mappings/my87674d777bf9.json": #"{"tenant_id": "MYR384719"}"#,
            "tenants/MYR384719/MYR384719-config.json":
                #"{"config_overrides": {"api": {"baseUrl": "https://evil.example", "timeout": 7000}}}"#,
        ])
        let served = try await runtime(store).resolve(environment: .production, tenant: try TenantHash(myrHash))
        #expect(try served.configuration.string("api.baseUrl") == "https://chat.myrecruiter.ai/Master_Function")
        #expect(try served.configuration.int("api.timeout") == 7000)
        #expect(served.refusedOverrides.map(\.dottedPath) == ["api.baseUrl"])
        #expect(
            served.configuration.diagnostics.map(\.message) == [
                "tenant my87674d777bf9 may not override api.baseUrl; ignored"
            ]
        )
    }

    @Test func urlTemplatesGetTheTenantHash() async throws {
        let served = try await runtime().resolve(environment: .staging, tenant: try TenantHash("de613253a8fd66"))
        #expect(
            try served.url("configUrl")
                == "https://staging.chat.myrecruiter.ai/Master_Function?action=get_config&t=de613253a8fd66"
        )
        #expect(
            try served.url("tenantAssetUrl", ["path": "logo.png"])
                == "https://staging.chat.myrecruiter.ai/tenants/de613253a8fd66/logo.png"
        )
    }

    @Test func missingTenantGetsTheMarkedFallback() async throws {
        let served = try await runtime().resolve(environment: .production, tenant: try TenantHash("aa0000000000ff"))
        #expect(served.source.name == "fallback")
        #expect(served.tenantDocument == nil)
        #expect(served.tenant["metadata"]?["source"] == "fallback")
        #expect(served.tenant["tenant_hash"] == "aa0000000000ff")
        #expect(served.jsonValue["source"] == "fallback")
    }

    @Test func otherFailuresWithoutACopyAreTypedErrors() async throws {
        let store = storeWithOneTenant()
        store.fail(with: TenantError(.storeUnavailable, "S3 returned 500"))
        await #expect(throws: TenantError.self) {
            try await runtime(store).resolve(environment: .production, tenant: try TenantHash(myrHash))
        }
    }

    @Test func aMissingTenantIsNotFoundWhenTheProjectHasNoFallback() async throws {
        let project = try makeProject(["default.json": "{}"])
        let error = await #expect(throws: TenantError.self) {
            try await TenantRuntime(project: project, store: ScriptedTenantStore())
                .resolve(environment: .production, tenant: try TenantHash(myrHash))
        }
        #expect(error?.code == .notFound)
    }

    @Test func theConfiguredFallbackIsServedMarked() async throws {
        let project = try makeProject([
            "default.json": "{}", "bers.json": #"{"tenants": {"fallback": "missing.json"}}"#,
            "missing.json": #"{"chat_title": "Soon", "tenant_hash": "other", "metadata": {"source": "x", "kept": 1}}"#,
        ])
        let served = try await TenantRuntime(project: project, store: ScriptedTenantStore())
            .resolve(environment: .production, tenant: try TenantHash(myrHash))
        #expect(served.tenant["chat_title"] == "Soon")
        #expect(served.tenant["tenant_hash"] == .string(myrHash))
        #expect(served.tenant["metadata"] == ["source": "fallback", "kept": 1])
    }

    @Test(arguments: [("[1]", ConfigError.Code.invalidProjectFile), ("{", .malformedLayer)])
    func aFallbackThatIsNotAnObjectIsRefusedAtStart(_ text: String, _ code: ConfigError.Code) throws {
        let project = try makeProject([
            "default.json": "{}", "bers.json": #"{"tenants": {"fallback": "missing.json"}}"#, "missing.json": text,
        ])
        let error = #expect(throws: ConfigError.self) {
            try TenantRuntime(project: project, store: ScriptedTenantStore())
        }
        #expect(error?.code == code)
        #expect(error?.location?.file == "config/missing.json")
    }
}

struct TenantPublisherTests {
    static let document = #"{"tenant_id": "MYR384719", "tenant_hash": "my87674d777bf9", "chat_title": "v2"}"#

    @Test func keepsThePreviousVersionAndWritesTheMapping() async throws {
        let store = ScriptedTenantStore(["tenants/MYR384719/MYR384719-config.json": #"{"chat_title": "v1"}"#])
        let outcome = try await TenantPublisher(store: store, validator: TenantValidator(schema: nil))
            .publish(Array(Self.document.utf8), file: "new.json", now: UTCTimestamp(secondsSince1970: 1_764_401_412))
        #expect(outcome.backupKey == "tenants/MYR384719/MYR384719-20251129T073012Z.json")
        #expect(outcome.wroteMapping)
        let keys = try await store.list(prefix: "")
        #expect(
            keys == [
                "mappings/my87674d777bf9.json", "tenants/MYR384719/MYR384719-20251129T073012Z.json",
                "tenants/MYR384719/MYR384719-config.json",
            ]
        )
        guard case .found(let backup) = try await store.get("tenants/MYR384719/MYR384719-20251129T073012Z.json") else {
            Issue.record("no backup")
            return
        }
        #expect(backup.bytes == Array(#"{"chat_title": "v1"}"#.utf8))
    }

    @Test func refusesAnInvalidDocumentAndWritesNothing() async throws {
        let store = ScriptedTenantStore()
        let invalid = #"{"tenant_id": "MYR384719", "tenant_hash": "auc5b0ecb0adcb"}"#
        let error = await #expect(throws: TenantError.self) {
            try await TenantPublisher(store: store, validator: TenantValidator(schema: nil))
                .publish(Array(invalid.utf8), file: "bad.json")
        }
        #expect(error?.code == .invalidDocument)
        #expect(error?.message.contains("tenant.hash-mismatch") == true)
        #expect(try await store.list(prefix: "").isEmpty)
    }

    @Test func failingStoreLeavesTheOldVersionInPlace() async throws {
        let store = ScriptedTenantStore(["tenants/MYR384719/MYR384719-config.json": #"{"chat_title": "v1"}"#])
        store.fail(with: TenantError(.storeUnavailable, "down"))
        await #expect(throws: TenantError.self) {
            try await TenantPublisher(store: store, validator: TenantValidator(schema: nil))
                .publish(Array(Self.document.utf8), file: "new.json")
        }
        store.fail(with: nil)
        guard case .found(let current) = try await store.get("tenants/MYR384719/MYR384719-config.json") else { return }
        #expect(current.bytes == Array(#"{"chat_title": "v1"}"#.utf8))
    }

    @Test func timestampsAreUTC() {
        #expect(UTCTimestamp(secondsSince1970: 0).description == "19700101T000000Z")
        #expect(UTCTimestamp(secondsSince1970: 951_782_400).description == "20000229T000000Z")
        #expect(UTCTimestamp(secondsSince1970: -1).description == "19691231T235959Z")
    }
}

struct TenantSettingsTests {
    @Test func tenantsSectionIsRead() throws {
        let project = try makeProject([
            "bers.json":
                #"{"tenants": {"store": "s3://bucket/p", "hash-shapes": ["hex14", {"min-length": 8, "max-length": 20}], "salt": "s", "overridable": ["a.b", "/c"], "cache": {"ttl-ms": 1000, "capacity": 5}, "max-bytes": 2048, "timeout-ms": 100}}"#
        ])
        let settings = project.settings.tenants
        #expect(settings.store == "s3://bucket/p")
        #expect(settings.hashPolicy.shapes == [.hex14, .pattern(minLength: 8, maxLength: 20)])
        #expect(settings.salt == "s")
        #expect(settings.allowsOverride(of: "/a/b/deep"))
        #expect(!settings.allowsOverride(of: "/a"))
        #expect(settings.cache.timeToLiveMilliseconds == 1000)
        #expect(settings.cache.capacity == 5)
        #expect(settings.maxBytes == 2048)
        #expect(settings.timeoutMilliseconds == 100)
    }

    @Test(arguments: [
        #"{"tenants": {"hash-shapes": []}}"#, #"{"tenants": {"hash-shapes": ["md5"]}}"#,
        #"{"tenants": {"cache": {"ttl": 5}}}"#, #"{"tenants": {"max-bytes": 1}}"#, #"{"tenants": {"stor": "x"}}"#,
    ])
    func badSectionsAreLocatedErrors(_ text: String) {
        let error = #expect(throws: ConfigError.self) { try makeProject(["bers.json": text]) }
        #expect(error?.code == .invalidProjectFile)
        #expect(error?.location != nil)
    }
}

struct TenantOverrideSafetyTests {
    func serve(_ overrides: String) async throws -> RuntimeConfiguration {
        let store = ScriptedTenantStore([
            "mappings/my87674d777bf9.json": #"{"tenant_id": "MYR384719"}"#,
            "tenants/MYR384719/MYR384719-config.json": #"{"config_overrides": "# + overrides + "}",
        ])
        return try await TenantRuntime(project: try ConfigProject(directory: TenantRuntimeTests.config), store: store)
            .resolve(environment: .production, tenant: try TenantHash(myrHash))
    }

    @Test func anOverrideMustKeepTheTypeItReplaces() async throws {
        let served = try await serve(#"{"api": {"timeout": "slow"}, "features": {"streamingEnabled": false}}"#)
        #expect(try served.configuration.int("api.timeout") == 6000)
        #expect(try served.configuration.bool("features.streamingEnabled") == false)
        #expect(served.refusedOverrides.map(\.dottedPath) == ["api.timeout"])
        #expect(served.configuration.diagnostics.first?.message.contains("from integer to string") == true)
    }

    @Test func overridesThatBreakTheSchemaAreIgnoredWhole() async throws {
        let served = try await serve(#"{"api": {"timeout": 500}}"#)
        #expect(try served.configuration.int("api.timeout") == 6000)
        #expect(served.refusedOverrides.map(\.dottedPath) == ["api.timeout"])
        #expect(
            served.configuration.diagnostics.first?.message.contains("500 is less than the minimum of 1000") == true
        )
    }
}

struct TenantPublisherSafetyTests {
    static let document = #"{"tenant_id": "MYR384719", "tenant_hash": "my87674d777bf9", "chat_title": "v"}"#

    @Test func twoPublishesInOneSecondKeepBothBackups() async throws {
        let store = ScriptedTenantStore(["tenants/MYR384719/MYR384719-config.json": #"{"chat_title": "v0"}"#])
        let publisher = TenantPublisher(store: store, validator: TenantValidator(schema: nil))
        let now = UTCTimestamp(secondsSince1970: 1_764_401_412)
        let first = try await publisher.publish(
            Array(Self.document.replacingOccurrences(of: "\"v\"", with: "\"v1\"").utf8),
            file: "a",
            now: now
        )
        let second = try await publisher.publish(
            Array(Self.document.replacingOccurrences(of: "\"v\"", with: "\"v2\"").utf8),
            file: "b",
            now: now
        )
        #expect(first.backupKey == "tenants/MYR384719/MYR384719-20251129T073012Z.json")
        #expect(second.backupKey == "tenants/MYR384719/MYR384719-20251129T073012Z-2.json")
    }

    @Test func aHashOfAnotherTenantIsNotRepointedUnlessAsked() async throws {
        let store = ScriptedTenantStore(["mappings/my87674d777bf9.json": #"{"tenant_id": "OTHER00001"}"#])
        let publisher = TenantPublisher(store: store, validator: TenantValidator(schema: nil))
        let error = await #expect(throws: TenantError.self) {
            try await publisher.publish(Array(Self.document.utf8), file: "a")
        }
        #expect(error?.code == .invalidMapping)
        #expect(try await store.list(prefix: "tenants/").isEmpty)
        let outcome = try await publisher.publish(Array(Self.document.utf8), file: "a", repointMapping: true)
        #expect(outcome.wroteMapping)
    }
}

/// The runtime composes a tenant's configuration once per environment and tenant document.
struct TenantRuntimeMemoTests {
    static let mapping = "mappings/my87674d777bf9.json"
    static let document = "tenants/MYR384719/MYR384719-config.json"

    func runtime(_ store: ScriptedTenantStore, clock: ManualClock) throws -> TenantRuntime {
        try TenantRuntime(project: try ConfigProject(directory: TenantRuntimeTests.config), store: store, clock: clock)
    }

    @Test func aSecondRequestGetsTheComposedConfigurationAndAnEditedDocumentIsComposedAgain() async throws {
        let store = ScriptedTenantStore([
            Self.mapping: #"{"tenant_id": "MYR384719"}"#,
            Self.document: #"{"config_overrides": {"api": {"timeout": 9000}}}"#,
        ])
        let clock = ManualClock()
        let runtime = try runtime(store, clock: clock)
        let hash = try TenantHash(myrHash)
        let first = try await runtime.resolve(environment: .production, tenant: hash)
        let second = try await runtime.resolve(environment: .production, tenant: hash)
        #expect(try first.configuration.int("api.timeout") == 9000)
        #expect(try second.configuration.int("api.timeout") == 9000)
        #expect(second.configuration.provenance(at: "api.timeout")?.source.layer.kind == .tenant)
        let staging = try await runtime.resolve(environment: .staging, tenant: hash)
        #expect(staging.configuration.environment == .staging)

        store.set(Self.document, #"{"config_overrides": {"api": {"timeout": 7000}}}"#)
        clock.advance(byMilliseconds: 700_000)
        let edited = try await runtime.resolve(environment: .production, tenant: hash)
        #expect(edited.source.name == "revalidated")
        #expect(try edited.configuration.int("api.timeout") == 7000)
    }

    @Test func requestsWithOverridesAreComposedEachTimeAndOtherVariablesAreIgnored() async throws {
        let store = ScriptedTenantStore([
            Self.mapping: #"{"tenant_id": "MYR384719"}"#,
            Self.document: #"{"config_overrides": {"api": {"timeout": 9000}}}"#,
        ])
        let runtime = try runtime(store, clock: ManualClock())
        let hash = try TenantHash(myrHash)
        let unrelated = ResolveOptions(environmentVariables: ["HOME": "/root", "PATH": "/usr/bin"])
        #expect(
            try await runtime.resolve(environment: .production, tenant: hash, options: unrelated).configuration
                .int("api.timeout") == 9000
        )
        let overriding = ResolveOptions(environmentVariables: ["BERS__API__RETRIES": "3"])
        let served = try await runtime.resolve(environment: .production, tenant: hash, options: overriding)
        #expect(try served.configuration.int("api.retries") == 3)
        #expect(try await runtime.resolve(environment: .production, tenant: hash).configuration.int("api.retries") != 3)
    }

    @Test func aStaleAnswerIsMarkedStaleEvenWhenItWasComposedBefore() async throws {
        let store = ScriptedTenantStore([
            Self.mapping: #"{"tenant_id": "MYR384719"}"#,
            Self.document: #"{"config_overrides": {"api": {"timeout": 9000}}}"#,
        ])
        let clock = ManualClock()
        let runtime = try runtime(store, clock: clock)
        let hash = try TenantHash(myrHash)
        _ = try await runtime.resolve(environment: .production, tenant: hash)
        store.fail(with: TenantError(.storeUnavailable, "down"))
        clock.advance(byMilliseconds: 700_000)
        let stale = try await runtime.resolve(environment: .production, tenant: hash)
        #expect(stale.source.name == "stale")
        #expect(try stale.configuration.int("api.timeout") == 9000)
    }

    @Test func fallbackAnswersAndDocumentsWithoutATagAreNotMemoised() async throws {
        let store = ScriptedTenantStore([:])
        let runtime = try runtime(store, clock: ManualClock())
        for _ in 0..<3 {
            let served = try await runtime.resolve(environment: .production, tenant: try TenantHash(myrHash))
            #expect(served.source.name == "fallback")
        }
        let untagged = UntaggedStore([
            Self.mapping: #"{"tenant_id": "MYR384719"}"#,
            Self.document: #"{"config_overrides": {"api": {"timeout": 9000}}}"#,
        ])
        let plain = try TenantRuntime(
            project: try ConfigProject(directory: TenantRuntimeTests.config),
            store: untagged,
            clock: ManualClock()
        )
        #expect(
            try await plain.resolve(environment: .production, tenant: try TenantHash(myrHash)).configuration
                .int("api.timeout") == 9000
        )
        #expect(
            try await plain.resolve(environment: .production, tenant: try TenantHash(myrHash)).configuration
                .int("api.timeout") == 9000
        )
    }
}

/// A store that gives no entity tags, so documents cannot be told apart by tag.
final class UntaggedStore: TenantStore {
    let inner: ScriptedTenantStore
    init(_ objects: [String: String]) { inner = ScriptedTenantStore(objects) }
    func get(_ key: String, ifNoneMatch etag: String?) async throws(TenantError) -> StoreResponse {
        switch try await inner.get(key, ifNoneMatch: nil) {
        case .found(let object): return .found(StoredObject(bytes: object.bytes))
        case let other: return other
        }
    }
    func put(
        _ key: String,
        _ bytes: [UInt8],
        contentType: String,
        condition: StoreWriteCondition
    ) async throws(TenantError) -> String? {
        try await inner.put(key, bytes, contentType: contentType, condition: condition)
    }
    func list(prefix: String) async throws(TenantError) -> [String] { try await inner.list(prefix: prefix) }
    var description: String { "untagged" }
}

struct TenantRuntimeEndpointTests {
    static let hash = "my87674d777bf9"

    func serve(_ overrides: String) async throws -> RuntimeConfiguration {
        let project = try makeProject([
            "bers.json": #"{"tenants": {"overridable": ["cdn", "api.timeout"]}}"#,
            "default.json": #"""
            {"api": {"timeout": 1000}, "cdn": {"base": "https://cdn.example"},
             "endpoints": {"asset": "{cdn.base}/t/{tenant}/{+path}", "health": "https://api.example/health"}}
            """#,
        ])
        let store = ScriptedTenantStore([
            "mappings/\(Self.hash).json": #"{"tenant_id": "MYR384719"}"#,
            "tenants/MYR384719/MYR384719-config.json": #"{"config_overrides": "# + overrides + "}",
        ])
        return try await TenantRuntime(project: project, store: store)
            .resolve(environment: .production, tenant: try TenantHash(Self.hash))
    }

    @Test func anOverrideOfAValueATemplateNamesChangesTheURLs() async throws {
        let served = try await serve(#"{"cdn": {"base": "https://eu.cdn.example"}}"#)
        #expect(try served.url("asset", ["path": "a.png"]) == "https://eu.cdn.example/t/\(Self.hash)/a.png")
    }

    @Test func anOverrideAboveAValueATemplateNamesChangesTheURLs() async throws {
        let served = try await serve(#"{"cdn": {"base": "https://us.cdn.example", "other": 1}}"#)
        #expect(try served.url("asset", ["path": "a.png"]) == "https://us.cdn.example/t/\(Self.hash)/a.png")
    }

    @Test func anOverrideElsewhereKeepsTheEnvironmentsURLs() async throws {
        let served = try await serve(#"{"api": {"timeout": 2000}}"#)
        #expect(try served.configuration.int("api.timeout") == 2000)
        #expect(try served.url("asset", ["path": "a.png"]) == "https://cdn.example/t/\(Self.hash)/a.png")
        #expect(try served.url("health") == "https://api.example/health")
    }
}
