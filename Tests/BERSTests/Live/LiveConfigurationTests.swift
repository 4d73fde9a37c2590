@testable import BERS
import BERSJSON
import BERSTestSupport
import Foundation
import MetricsTestKit
import Testing

struct LiveConfigurationTests {
    @Test func theFirstGenerationIsTheResolvedConfigurationWithItsInputs() throws {
        let project = try LiveProject()
        defer { project.remove() }
        let live = try LiveConfiguration(directory: project.path, environment: .production)
        let first = live.current
        #expect(first.number == 1)
        #expect(try first.configuration.int("api.timeout") == 5000)
        #expect(first.digest == ConfigurationGeneration.digest(of: first.configuration.value))
        #expect(first.digest.count == 64)
        let names = first.inputs.map { $0.path.split(separator: "/").last.map(String.init) ?? "" }
        #expect(names == ["bers.json", "default.json", "app.schema.json"])
        #expect(first.inputs.allSatisfy { $0.digest.count == 64 })
    }

    @Test func anInvalidStartIsTheErrorResolveGives() throws {
        let project = try LiveProject(timeout: 10)
        defer { project.remove() }
        let error = #expect(throws: ConfigError.self) {
            try LiveConfiguration(directory: project.path, environment: .production)
        }
        #expect(error?.code == .invalidConfiguration)
        #expect(error?.details.first?.contains("10 is less than the minimum of 1000") == true)
    }

    @Test func aValidEditIsAppliedWithItsChanges() throws {
        let project = try LiveProject()
        defer { project.remove() }
        let live = try LiveConfiguration(directory: project.path, environment: .production)
        try project.write(timeout: 7000, extra: #", "retries": 3"#)
        guard case .applied(let applied) = live.reload() else {
            Issue.record("expected an applied reload")
            return
        }
        #expect(applied.previous == 1)
        #expect(applied.generation.number == 2)
        #expect(live.current === applied.generation)
        #expect(try live.current.configuration.int("api.timeout") == 7000)
        let byPointer = Dictionary(uniqueKeysWithValues: applied.changes.map { ($0.pointer.description, $0) })
        #expect(byPointer["/api/timeout"]?.kind == .modified)
        #expect(byPointer["/api/timeout"]?.oldValue == 5000)
        #expect(byPointer["/api/timeout"]?.newValue == 7000)
        #expect(byPointer["/api/timeout"]?.location?.file.hasSuffix("default.json") == true)
        #expect(byPointer["/api/timeout"]?.location?.line == 1)
        #expect(byPointer["/api/retries"]?.kind == .added)
        #expect(applied.changes.count == 2)
    }

    @Test func aSaveWithoutChangesIsUnchanged() throws {
        let project = try LiveProject()
        defer { project.remove() }
        let live = try LiveConfiguration(directory: project.path, environment: .production)
        try project.write("default.json", #"{"api": {"timeout": 5000},   "name": "app"}"#)
        guard case .unchanged(let number) = live.reload() else {
            Issue.record("expected an unchanged reload")
            return
        }
        #expect(number == 1)
        #expect(live.current.number == 1)
    }

    @Test(arguments: [
        (#"{"api": {"timeout": 50"#, ConfigError.Code.malformedLayer),
        (#"{"api": {"timeout": 10}}"#, .invalidConfiguration),
        (#"{"api": {"timeout": "fast"}}"#, .invalidConfiguration),
    ])
    func aBrokenEditIsRefusedAndTheFixIsApplied(_ broken: String, _ code: ConfigError.Code) throws {
        let project = try LiveProject()
        defer { project.remove() }
        let live = try LiveConfiguration(directory: project.path, environment: .production)
        try project.write("default.json", broken)
        guard case .refused(let refused) = live.reload() else {
            Issue.record("expected a refused reload")
            return
        }
        #expect(refused.keptGeneration == 1)
        #expect(refused.error.code == code)
        #expect(live.current.number == 1)
        #expect(try live.current.configuration.int("api.timeout") == 5000)
        try project.write(timeout: 6000)
        guard case .applied(let applied) = live.reload() else {
            Issue.record("expected the fix to be applied")
            return
        }
        #expect(applied.generation.number == 2)
    }

    @Test func aMalformedLayerIsRefusedWithItsLocation() throws {
        let project = try LiveProject()
        defer { project.remove() }
        let live = try LiveConfiguration(directory: project.path, environment: .production)
        try project.write("default.json", "{\n  \"api\": {\"timeout\": 50,,}\n}")
        guard case .refused(let refused) = live.reload() else {
            Issue.record("expected a refused reload")
            return
        }
        #expect(refused.error.location?.file.hasSuffix("default.json") == true)
        #expect(refused.error.location?.line == 2)
    }

    @Test func aLayerFileThatAppearsOrDisappearsIsPickedUp() throws {
        let project = try LiveProject()
        defer { project.remove() }
        let live = try LiveConfiguration(directory: project.path, environment: .production)
        try project.write("local.json", #"{"api": {"timeout": 8000}}"#)
        live.reload()
        #expect(try live.current.configuration.int("api.timeout") == 8000)
        #expect(live.current.inputs.contains { $0.path.hasSuffix("local.json") })
        try FileManager.default.removeItem(atPath: project.path + "/local.json")
        live.reload()
        #expect(try live.current.configuration.int("api.timeout") == 5000)
        #expect(live.current.number == 3)
    }

    @Test func withoutAnEnvironmentEachReloadDetectsIt() throws {
        let project = try LiveProject()
        defer { project.remove() }
        try project.write("staging.json", #"{"name": "staging app"}"#)
        let live = try LiveConfiguration(directory: project.path)
        #expect(live.current.configuration.environment == .production)
        try project.write(".bers-env", "staging\n")
        guard case .applied(let applied) = live.reload() else {
            Issue.record("expected an applied reload")
            return
        }
        #expect(applied.generation.configuration.environment == .staging)
        #expect(try applied.generation.configuration.string("name") == "staging app")
    }

    @Test func everySubscriberGetsEveryEventAndStopEndsTheStreams() async throws {
        let project = try LiveProject()
        defer { project.remove() }
        let live = try LiveConfiguration(directory: project.path, environment: .production)
        let first = live.events()
        let second = live.events()
        try project.write(timeout: 6000)
        live.reload()
        try project.write("default.json", "{")
        live.reload()
        live.stop()
        for stream in [first, second] {
            var results: [String] = []
            for await event in stream { results.append(event.result) }
            #expect(results == ["applied", "refused"])
        }
        var late: [ReloadEvent] = []
        for await event in live.events() { late.append(event) }
        #expect(late.isEmpty)
    }

    @Test func aRewriteWithTheSameValuesRefreshesLocationsAndInputDigests() throws {
        let project = try LiveProject()
        defer { project.remove() }
        let live = try LiveConfiguration(directory: project.path, environment: .production)
        let before = live.current
        try project.write("default.json", "\n\n" + #"{"api": {"timeout": 5000}, "name": "app"}"#)
        guard case .unchanged(let number) = live.reload() else {
            Issue.record("expected an unchanged reload")
            return
        }
        #expect(number == 1)
        let after = live.current
        #expect(after.number == 1)
        #expect(after.digest == before.digest)
        #expect(after.inputs != before.inputs)
        #expect(after.configuration.location(of: "/api/timeout")?.line == 3)
    }

    @Test func theInputsAreTheBytesTheResolutionRead() throws {
        let project = try LiveProject()
        defer { project.remove() }
        try project.write("schemas/common.schema.json", #"{"$id": "https://example.com/common"}"#)
        let live = try LiveConfiguration(directory: project.path, environment: .production)
        let digests = Dictionary(uniqueKeysWithValues: live.current.inputs.map { ($0.path, $0.digest) })
        let layer = try #require(digests[project.path + "/default.json"])
        let bytes = try #require(FileManager.default.contents(atPath: project.path + "/default.json"))
        #expect(layer == BERSDigest.sha256Hex(Array(bytes)))
        #expect(digests[project.path + "/schemas/common.schema.json"] != nil)
    }

    @Test func whereTenantsAreConfiguredABrokenTenantSchemaIsRefused() throws {
        let project = try LiveProject()
        defer { project.remove() }
        try project.write(
            "bers.json",
            #"{"schema": "schemas/app.schema.json", "tenants": {"schema": "tenant.schema.json", "fallback": "fallback.json"}}"#
        )
        try project.write("tenant.schema.json", #"{"type": "object"}"#)
        try project.write("fallback.json", #"{"tenant_id": "fallback"}"#)
        let live = try LiveConfiguration(directory: project.path, environment: .production)
        try project.write("tenant.schema.json", #"{"type": 12}"#)
        guard case .refused(let refused) = live.reload() else {
            Issue.record("expected a refused reload")
            return
        }
        #expect(refused.error.code == .invalidSchema)
        try project.write("tenant.schema.json", #"{"type": "object"}"#)
        try project.write("fallback.json", "[]")
        guard case .refused(let second) = live.reload() else {
            Issue.record("expected a refused reload")
            return
        }
        #expect(second.error.message.contains("fallback"))
        #expect(live.current.number == 1)
    }

    @Test func reloadsAreCountedTimedAndTheGenerationIsAGauge() throws {
        let project = try LiveProject()
        defer { project.remove() }
        let metrics = TestMetrics()
        let live = try LiveConfiguration(directory: project.path, environment: .production, metrics: metrics)
        #expect(try metrics.expectGauge("bers_config_generation").lastValue == 1)
        try project.write(timeout: 6000)
        live.reload()
        live.reload()
        try project.write("default.json", "{")
        live.reload()
        for (result, count) in [("applied", 1), ("unchanged", 1), ("refused", 1)] {
            #expect(try metrics.expectCounter("bers_reloads_total", [("result", result)]).totalValue == count)
        }
        #expect(try metrics.expectTimer("bers_reload_duration_seconds").values.count == 3)
        #expect(try metrics.expectGauge("bers_config_generation").lastValue == 2)
    }
}
